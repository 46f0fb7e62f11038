-- Lifeboat backup benchmark: schema. Tables are created without indexes or constraints;
-- data.sql fills them and indexes.sql adds keys and indexes afterwards (faster to load).
-- Run with: psql -X -v ON_ERROR_STOP=1 -f schema.sql

CREATE SCHEMA shop;
CREATE SCHEMA app;

CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded');

CREATE TABLE shop.customers (
    id             bigint      NOT NULL,
    public_id      uuid        NOT NULL,
    first_name     text        NOT NULL,
    last_name      text        NOT NULL,
    email          text        NOT NULL,
    country        char(2)     NOT NULL,
    signed_up_at   timestamptz NOT NULL,
    is_active      boolean     NOT NULL,
    loyalty_points integer     NOT NULL,
    profile        jsonb       NOT NULL
);

CREATE TABLE shop.products (
    id          integer       NOT NULL,
    sku         text          NOT NULL,
    title       text          NOT NULL,
    description text          NOT NULL,
    price       numeric(10,2) NOT NULL,
    weight_g    integer       NOT NULL,
    attributes  jsonb         NOT NULL,
    created_at  timestamptz   NOT NULL
);

CREATE TABLE shop.orders (
    id               bigint            NOT NULL,
    customer_id      bigint            NOT NULL,
    status           shop.order_status NOT NULL,
    ordered_at       timestamptz       NOT NULL,
    shipped_at       timestamptz,
    total            numeric(12,2)     NOT NULL,
    currency         char(3)           NOT NULL,
    shipping_address text              NOT NULL,
    note             text
);

CREATE TABLE shop.order_items (
    order_id   bigint        NOT NULL,
    line_no    smallint      NOT NULL,
    product_id integer       NOT NULL,
    quantity   integer       NOT NULL,
    unit_price numeric(10,2) NOT NULL,
    discount   numeric(5,2)  NOT NULL
);

CREATE TABLE app.events (
    id          bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL,
    actor_id    bigint      NOT NULL,
    payload     jsonb       NOT NULL
);

CREATE TABLE app.documents (
    id          integer     NOT NULL,
    customer_id bigint      NOT NULL,
    filename    text        NOT NULL,
    mime_type   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    body        bytea       NOT NULL
);

CREATE TABLE app.audit_log (
    id        bigint      NOT NULL,
    at        timestamptz NOT NULL,
    user_name text        NOT NULL,
    action    text        NOT NULL,
    detail    text        NOT NULL,
    client_ip inet        NOT NULL
);

-- A few non-table objects so the archive's table of contents looks like a real one.
CREATE VIEW shop.order_totals_by_month AS
    SELECT date_trunc('month', ordered_at) AS month, status, count(*) AS orders, sum(total) AS revenue
    FROM shop.orders GROUP BY 1, 2;

CREATE FUNCTION shop.customer_display_name(c shop.customers) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT c.first_name || ' ' || c.last_name || ' <' || c.email || '>' $$;

CREATE SEQUENCE shop.invoice_number_seq START 100000;

CREATE TABLE public.bench_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
