-- Lifeboat backup benchmark: deterministic data (no random(): every value is a function of
-- the row number through hashint8extended/sha256/md5, so two runs at the same scale produce
-- the same database). Scale 1 is roughly 1 GB (pg_database_size, indexes included).
-- Run with: psql -X -v ON_ERROR_STOP=1 -v scale=1 -f data.sql

SET synchronous_commit = off;
SET client_min_messages = warning;

SELECT greatest(1, round(200000  * :scale))::bigint AS n_customers,
       greatest(1, round(20000   * :scale))::bigint AS n_products,
       greatest(1, round(1000000 * :scale))::bigint AS n_orders,
       greatest(1, round(300000  * :scale))::bigint AS n_events,
       greatest(1, round(15000   * :scale))::bigint AS n_documents,
       greatest(1, round(500000  * :scale))::bigint AS n_audit
\gset

-- A pseudo-random number in [0, n) for row g (salt picks an independent stream).
CREATE FUNCTION pg_temp.rnd(g bigint, salt bigint, n bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(g, salt) & 9223372036854775807) % n $$;

CREATE FUNCTION pg_temp.pick(g bigint, salt bigint, choices text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT choices[1 + (hashint8extended(g, salt) & 9223372036854775807) % cardinality(choices)] $$;

CREATE FUNCTION pg_temp.words() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['the','order','was','shipped','customer','asked','for','a','refund','because','item',
        'arrived','late','please','call','before','delivery','leave','at','door','gift','wrap','with',
        'note','invoice','needs','company','name','and','vat','number','fragile','handle','care',
        'express','warehouse','backorder','replacement','colour','size','exchange','return','label',
        'printed','tracking','updated','carrier','delayed','weekend','holiday','discount','applied',
        'coupon','loyalty','points','redeemed','payment','pending','confirmed','bank','transfer',
        'address','changed','apartment','floor','reception','signature','required']::text[] $$;

-- n pseudo-random words for row g.
CREATE FUNCTION pg_temp.sentence(g bigint, salt bigint, n int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT string_agg(pg_temp.pick(g * 131 + j, salt, pg_temp.words()), ' ')
          FROM generate_series(1, n) AS j $$;

\echo customers: :n_customers
INSERT INTO shop.customers
SELECT g,
       md5('customer:' || g)::uuid,
       pg_temp.pick(g, 1, '{Anna,Ben,Chloe,David,Emma,Felix,Grace,Hugo,Ines,Jonas,Karin,Liam,Mia,Noah,Olga,Pablo,Quinn,Rosa,Sven,Tara,Umar,Vera,Wei,Yusuf,Zoe}'),
       pg_temp.pick(g, 2, '{Andersen,Baker,Costa,Dubois,Eriksson,Fischer,Garcia,Hansen,Ivanova,Jensen,Kowalski,Lopez,Muller,Nakamura,Okafor,Petrov,Rossi,Schmidt,Tanaka,Novak,Weber,Young,Zhang}'),
       'user' || g || '@' || pg_temp.pick(g, 3, '{example.com,example.org,mail.test,shop.test,corp.example}'),
       pg_temp.pick(g, 4, '{DE,FR,GB,US,NL,SE,PL,ES,IT,JP,BR,CA,AU,IN,NG}'),
       timestamptz '2018-01-01 00:00:00+00' + make_interval(secs => pg_temp.rnd(g, 5, 6 * 365 * 86400)),
       pg_temp.rnd(g, 6, 10) < 8,
       pg_temp.rnd(g, 7, 20000)::int,
       jsonb_build_object(
           'address', jsonb_build_object(
               'street', (1 + pg_temp.rnd(g, 8, 999)) || ' ' || initcap(pg_temp.sentence(g, 9, 2)) || ' Street',
               'city', pg_temp.pick(g, 10, '{Berlin,Paris,London,Boston,Utrecht,Malmo,Krakow,Sevilla,Torino,Osaka,Recife,Halifax,Perth,Pune,Lagos}'),
               'zip', lpad(pg_temp.rnd(g, 11, 100000)::text, 5, '0')),
           'phone', '+1-555-' || lpad(pg_temp.rnd(g, 12, 10000000)::text, 7, '0'),
           'tags', to_jsonb(ARRAY[pg_temp.pick(g, 13, pg_temp.words()), pg_temp.pick(g, 14, pg_temp.words())]),
           'preferences', jsonb_build_object(
               'newsletter', pg_temp.rnd(g, 15, 2) = 0,
               'language', pg_temp.pick(g, 16, '{en,de,fr,es,it,nl,pl,sv,ja,pt}'),
               'theme', pg_temp.pick(g, 17, '{light,dark,system}')),
           'marketing_consent_at', CASE WHEN pg_temp.rnd(g, 18, 3) = 0 THEN NULL
               ELSE to_jsonb(timestamptz '2020-01-01 00:00:00+00' + make_interval(secs => pg_temp.rnd(g, 19, 3 * 365 * 86400))) END)
FROM generate_series(1, :n_customers) AS g;

\echo products: :n_products
INSERT INTO shop.products
SELECT g,
       'SKU-' || lpad(g::text, 7, '0'),
       initcap(pg_temp.sentence(g, 20, 3 + pg_temp.rnd(g, 21, 4)::int)),
       pg_temp.sentence(g, 22, 30 + pg_temp.rnd(g, 23, 40)::int) || '.',
       (99 + pg_temp.rnd(g, 24, 49900)) / 100.0,
       (10 + pg_temp.rnd(g, 25, 20000))::int,
       jsonb_build_object(
           'colour', pg_temp.pick(g, 26, '{red,green,blue,black,white,grey,yellow,navy}'),
           'size', pg_temp.pick(g, 27, '{XS,S,M,L,XL,XXL,one-size}'),
           'material', pg_temp.pick(g, 28, '{cotton,wool,steel,oak,plastic,glass,leather}'),
           'dimensions_mm', jsonb_build_array(10 + pg_temp.rnd(g, 29, 990), 10 + pg_temp.rnd(g, 30, 990), 1 + pg_temp.rnd(g, 31, 300))),
       timestamptz '2017-06-01 00:00:00+00' + make_interval(secs => pg_temp.rnd(g, 32, 6 * 365 * 86400))
FROM generate_series(1, :n_products) AS g;

\echo orders: :n_orders
INSERT INTO shop.orders
SELECT g, customer_id, status, ordered_at,
       CASE WHEN status IN ('shipped', 'delivered', 'refunded')
            THEN ordered_at + make_interval(secs => 3600 + pg_temp.rnd(g, 40, 7 * 86400)) END,
       (100 + pg_temp.rnd(g, 41, 60000)) / 100.0,
       pg_temp.pick(g, 42, '{EUR,EUR,EUR,USD,USD,GBP,SEK,PLN,JPY}'),
       (1 + pg_temp.rnd(g, 43, 999)) || ' ' || initcap(pg_temp.sentence(g, 44, 2)) || ' Street, '
           || lpad(pg_temp.rnd(g, 45, 100000)::text, 5, '0') || ' '
           || pg_temp.pick(g, 46, '{Berlin,Paris,London,Boston,Utrecht,Malmo,Krakow,Sevilla,Torino,Osaka,Recife,Halifax,Perth,Pune,Lagos}'),
       CASE WHEN pg_temp.rnd(g, 47, 100) < 15 THEN pg_temp.sentence(g, 48, 5 + pg_temp.rnd(g, 49, 20)::int) END
FROM (SELECT g,
             1 + pg_temp.rnd(g, 50, :n_customers) AS customer_id,
             (enum_range(NULL::shop.order_status))[1 + pg_temp.rnd(g, 51, 7)] AS status,
             timestamptz '2019-01-01 00:00:00+00' + make_interval(secs => pg_temp.rnd(g, 52, 5 * 365 * 86400)) AS ordered_at
      FROM generate_series(1, :n_orders) AS g) AS o;

\echo order_items: about 2.5 per order
INSERT INTO shop.order_items
SELECT o, l, (1 + pg_temp.rnd(o * 8 + l, 60, :n_products))::int, (1 + pg_temp.rnd(o * 8 + l, 61, 5))::int,
       (99 + pg_temp.rnd(o * 8 + l, 62, 49900)) / 100.0,
       CASE WHEN pg_temp.rnd(o * 8 + l, 63, 10) = 0 THEN (5 * (1 + pg_temp.rnd(o * 8 + l, 64, 6))) ELSE 0 END
FROM generate_series(1, :n_orders) AS o,
     LATERAL generate_series(1, 1 + pg_temp.rnd(o, 65, 4)::int) AS l;

\echo events: :n_events
INSERT INTO app.events
SELECT g,
       timestamptz '2023-01-01 00:00:00+00' + make_interval(secs => g * 30 + pg_temp.rnd(g, 70, 30)),
       kind,
       1 + pg_temp.rnd(g, 71, :n_customers),
       jsonb_build_object(
           'session', md5('session:' || (g / 12)),
           'ip', '10.' || pg_temp.rnd(g, 72, 256) || '.' || pg_temp.rnd(g, 73, 256) || '.' || pg_temp.rnd(g, 74, 256),
           'user_agent', pg_temp.pick(g, 75, ARRAY['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
               'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
               'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
               'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148']),
           'path', '/shop/' || pg_temp.pick(g, 76, '{products,cart,checkout,account,search}') || '/' || pg_temp.rnd(g, 77, 20000),
           'duration_ms', pg_temp.rnd(g, 78, 5000),
           'props', jsonb_build_object('ab_bucket', pg_temp.rnd(g, 79, 4), 'referrer', pg_temp.pick(g, 80, '{direct,search,newsletter,partner,social}'),
                                       'items', pg_temp.rnd(g, 81, 12), 'query', pg_temp.sentence(g, 82, 1 + pg_temp.rnd(g, 83, 3)::int)))
FROM (SELECT g, pg_temp.pick(g, 84, '{page_view,page_view,page_view,search,add_to_cart,remove_from_cart,checkout_started,payment_failed,order_placed,login,logout,password_reset}') AS kind
      FROM generate_series(1, :n_events) AS g) AS e;

\echo documents: :n_documents
-- One in three is incompressible (think JPEG/PDF), the rest are CSV-like text exports.
INSERT INTO app.documents
SELECT g,
       1 + pg_temp.rnd(g, 90, :n_customers),
       CASE WHEN g % 3 = 0 THEN 'scan-' || g || '.jpg' ELSE 'export-' || g || '.csv' END,
       CASE WHEN g % 3 = 0 THEN 'image/jpeg' ELSE 'text/csv' END,
       timestamptz '2021-01-01 00:00:00+00' + make_interval(secs => pg_temp.rnd(g, 91, 3 * 365 * 86400)),
       CASE WHEN g % 3 = 0 THEN
           (SELECT string_agg(sha256(int8send(g * 100000 + j)), ''::bytea)
            FROM generate_series(1, 256 + pg_temp.rnd(g, 92, 1024)::int) AS j)
       ELSE
           convert_to((SELECT string_agg(format('%s,%s,%s,%s,%s', g, j, pg_temp.pick(g * 1000 + j, 93, pg_temp.words()),
                                                pg_temp.rnd(g * 1000 + j, 94, 100000) / 100.0,
                                                date '2024-01-01' + pg_temp.rnd(g * 1000 + j, 95, 365)::int), E'\n')
                       FROM generate_series(1, 100 + pg_temp.rnd(g, 96, 500)::int) AS j), 'UTF8')
       END
FROM generate_series(1, :n_documents) AS g;

\echo audit_log: :n_audit
INSERT INTO app.audit_log
SELECT g,
       timestamptz '2022-01-01 00:00:00+00' + make_interval(secs => g * 60 + pg_temp.rnd(g, 100, 60)),
       pg_temp.pick(g, 101, '{alice,bob,carol,dave,erin,frank,grace,heidi,ivan,judy,mallory,oscar,peggy,trent,victor,walter}'),
       action,
       format('%s %s #%s: %s -> %s (%s)', action, pg_temp.pick(g, 102, '{order,customer,product,invoice,shipment,coupon}'),
              pg_temp.rnd(g, 103, 2000000), pg_temp.pick(g, 104, '{new,paid,packed,shipped,open,closed}'),
              pg_temp.pick(g, 105, '{paid,packed,shipped,delivered,closed,archived}'), pg_temp.sentence(g, 106, 3 + pg_temp.rnd(g, 107, 6)::int)),
       ('10.' || pg_temp.rnd(g, 108, 256) || '.' || pg_temp.rnd(g, 109, 256) || '.' || (1 + pg_temp.rnd(g, 110, 254)))::inet
FROM (SELECT g, pg_temp.pick(g, 111, '{update,update,update,create,delete,login,export,import}') AS action
      FROM generate_series(1, :n_audit) AS g) AS a;

SELECT setval('shop.invoice_number_seq', 100000 + :n_orders) \g /dev/null
