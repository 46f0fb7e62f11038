-- The backup-engine test database: every object kind a backup must carry.
CREATE EXTENSION citext;
CREATE EXTENSION pgcrypto;

CREATE SCHEMA sales;
CREATE SCHEMA "données";

CREATE TABLE sales.customers (
    id serial PRIMARY KEY,
    email citext UNIQUE NOT NULL,
    name text NOT NULL,
    password_hash text NOT NULL
);
INSERT INTO sales.customers (email, name, password_hash)
SELECT 'user' || g || '@Example.com', 'Customer ' || g, crypt('pw' || g, gen_salt('md5'))
FROM generate_series(1, 1000) g;

CREATE TABLE sales.orders (
    id bigserial,
    customer_id int NOT NULL REFERENCES sales.customers (id),
    placed date NOT NULL,
    total numeric(12, 2) NOT NULL,
    note text,
    PRIMARY KEY (id, placed)
) PARTITION BY RANGE (placed);
CREATE TABLE sales.orders_2025 PARTITION OF sales.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE sales.orders_2026 PARTITION OF sales.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO sales.orders (customer_id, placed, total, note)
SELECT 1 + g % 1000, date '2025-01-01' + (g % 700), (g % 9973) / 7.0,
       CASE WHEN g % 10 = 0 THEN E'multi\nline\tnote with \\ backslash' END
FROM generate_series(1, 5000) g;

CREATE MATERIALIZED VIEW sales.order_totals AS
SELECT customer_id, count(*) AS orders, sum(total) AS total FROM sales.orders GROUP BY customer_id;

CREATE TABLE "données"."Ünïcødé tåble" ("clé" text PRIMARY KEY, "värde" jsonb NOT NULL);
INSERT INTO "données"."Ünïcødé tåble"
SELECT 'clé-' || g || ' ☃', jsonb_build_object('n', g, 'texte', 'ça va? 日本語 ' || g)
FROM generate_series(1, 250) g;

CREATE TABLE public.empty_table (id int PRIMARY KEY, payload bytea);

CREATE TABLE public.documents (id int PRIMARY KEY, body oid NOT NULL);
INSERT INTO public.documents VALUES
    (1, lo_from_bytea(0, convert_to('the first large object', 'UTF8'))),
    (2, lo_from_bytea(0, decode(repeat('deadbeef', 5000), 'hex')));

CREATE VIEW sales.big_spenders AS SELECT * FROM sales.order_totals WHERE total > 100;
CREATE SEQUENCE public.invoice_numbers START 1000;
SELECT setval('public.invoice_numbers', 1234);
