-- Reference data every installation needs: the team types of German quarter work, the report
-- categories residents choose from (labelled in every supported language), and the default
-- routing rule that guarantees every report reaches someone. Cities can edit all of it.

INSERT INTO team_type (code, label_de, label_en, color, sort_order) VALUES
    ('KOD', 'Kommunaler Ordnungsdienst', 'Municipal public order service', '#1f4e9c', 1),
    ('OUTREACH', 'Aufsuchende Sozialarbeit', 'Outreach social work', '#2e7d32', 2),
    ('STREETWORK', 'StreetWork / mobile Jugendarbeit', 'Street work / mobile youth work', '#b45309', 3),
    ('QUARTER_MGMT', 'Quartiersmanagement', 'Quarter management', '#6a1b9a', 4),
    ('CONFLICT_MGMT', 'Konfliktmanagement', 'Conflict management', '#00727d', 5);

INSERT INTO report_category (code, icon, sort_order, labels) VALUES
    ('NOISE', 'noise', 1, '{
        "de": "Lärm", "en": "Noise", "ar": "ضوضاء", "fa": "سروصدا",
        "tr": "Gürültü", "uk": "Шум", "ro": "Zgomot", "bg": "Шум"}'),
    ('LITTER', 'litter', 2, '{
        "de": "Müll / illegale Ablagerung", "en": "Litter / illegal dumping",
        "ar": "قمامة / رمي النفايات بشكل غير قانوني", "fa": "زباله / تخلیه غیرقانونی زباله",
        "tr": "Çöp / kaçak döküm", "uk": "Сміття / незаконне звалище",
        "ro": "Gunoi / depozitare ilegală", "bg": "Отпадъци / незаконно изхвърляне"}'),
    ('NEIGHBOUR_CONFLICT', 'neighbours', 3, '{
        "de": "Nachbarschaftskonflikt", "en": "Neighbour conflict", "ar": "نزاع بين الجيران",
        "fa": "اختلاف با همسایه", "tr": "Komşuluk anlaşmazlığı", "uk": "Конфлікт із сусідами",
        "ro": "Conflict între vecini", "bg": "Конфликт между съседи"}'),
    ('YOUTH_GROUPS', 'youth', 4, '{
        "de": "Jugendliche / Gruppen im öffentlichen Raum", "en": "Young people / groups in public space",
        "ar": "شباب / مجموعات في الأماكن العامة", "fa": "جوانان / گروه‌ها در فضای عمومی",
        "tr": "Kamusal alanda gençler / gruplar", "uk": "Молодь / групи в громадських місцях",
        "ro": "Tineri / grupuri în spațiul public", "bg": "Младежи / групи на обществени места"}'),
    ('DRUGS_ALCOHOL', 'drugs', 5, '{
        "de": "Drogen / Alkohol im öffentlichen Raum", "en": "Drugs / alcohol in public space",
        "ar": "مخدرات / كحول في الأماكن العامة", "fa": "مواد مخدر / الکل در فضای عمومی",
        "tr": "Kamusal alanda uyuşturucu / alkol", "uk": "Наркотики / алкоголь у громадських місцях",
        "ro": "Droguri / alcool în spațiul public", "bg": "Наркотици / алкохол на обществени места"}'),
    ('AGGRESSION', 'aggression', 6, '{
        "de": "Aggression / Bedrohung", "en": "Aggression / threat", "ar": "عدوانية / تهديد",
        "fa": "پرخاشگری / تهدید", "tr": "Saldırganlık / tehdit", "uk": "Агресія / погрози",
        "ro": "Agresiune / amenințare", "bg": "Агресия / заплаха"}'),
    ('PROBLEM_PROPERTY', 'property', 7, '{
        "de": "Problemimmobilie", "en": "Problem property", "ar": "عقار يسبب مشاكل",
        "fa": "ساختمان مشکل‌دار", "tr": "Sorunlu bina", "uk": "Проблемний будинок",
        "ro": "Imobil problematic", "bg": "Проблемен имот"}'),
    ('VANDALISM', 'vandalism', 8, '{
        "de": "Vandalismus", "en": "Vandalism", "ar": "تخريب", "fa": "خرابکاری",
        "tr": "Vandalizm", "uk": "Вандалізм", "ro": "Vandalism", "bg": "Вандализъм"}'),
    ('PERSON_IN_NEED', 'help', 9, '{
        "de": "Person braucht Hilfe", "en": "Person in need of help", "ar": "شخص بحاجة إلى مساعدة",
        "fa": "فردی که به کمک نیاز دارد", "tr": "Yardıma ihtiyacı olan kişi", "uk": "Людина потребує допомоги",
        "ro": "Persoană care are nevoie de ajutor", "bg": "Човек, който се нуждае от помощ"}'),
    ('OTHER', 'other', 10, '{
        "de": "Sonstiges", "en": "Other", "ar": "أخرى", "fa": "سایر موارد",
        "tr": "Diğer", "uk": "Інше", "ro": "Altele", "bg": "Друго"}');

-- The catch-all: whatever no other rule claims goes to conflict management, the service that
-- takes complaints in directly and triages them. It cannot be deleted (see routing).
INSERT INTO routing_rule (position, name, team_types, priority, target_minutes, is_default, updated_by)
VALUES (1000000, 'Default: triage by conflict management', ARRAY['CONFLICT_MGMT'], 4, 1440, true, 'system');

INSERT INTO routing_rule_change (rule_id, rule_version, action, changed_by, after)
SELECT id, version, 'CREATED', 'system', to_jsonb(r) FROM routing_rule r;
