-- Why an incident was routed as it was, in parts (rule, reasons, team types, priority, target
-- time, hotspot), so that the board says it in the reader's language; routing_explanation
-- keeps the English sentence for logs and older incidents.
ALTER TABLE incident ADD COLUMN routing_parts jsonb;
