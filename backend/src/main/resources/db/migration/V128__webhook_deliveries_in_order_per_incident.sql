-- One incident's events reach a subscriber in the order they happened (WebhookDeliveries):
-- a delivery is claimed only when no earlier one of the same incident to the same subscriber
-- is still pending (on its way, or due again after a failure). This index answers that
-- question for each candidate without reading the subscriber's whole backlog.
CREATE INDEX webhook_delivery_incident_queue_idx
    ON webhook_delivery (subscriber_id, (payload -> 'incident' ->> 'id'), id)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;
