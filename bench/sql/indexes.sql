-- Lifeboat backup benchmark: keys, indexes and statistics, added after the bulk load.
-- Run with: psql -X -v ON_ERROR_STOP=1 -v scale=1 -f indexes.sql

SET maintenance_work_mem = '256MB';

ALTER TABLE shop.customers   ADD PRIMARY KEY (id);
ALTER TABLE shop.products    ADD PRIMARY KEY (id);
ALTER TABLE shop.orders      ADD PRIMARY KEY (id);
ALTER TABLE shop.order_items ADD PRIMARY KEY (order_id, line_no);
ALTER TABLE app.events       ADD PRIMARY KEY (id);
ALTER TABLE app.documents    ADD PRIMARY KEY (id);
ALTER TABLE app.audit_log    ADD PRIMARY KEY (id);

CREATE UNIQUE INDEX customers_email_key ON shop.customers (email);
CREATE UNIQUE INDEX customers_public_id_key ON shop.customers (public_id);
CREATE UNIQUE INDEX products_sku_key ON shop.products (sku);
CREATE INDEX orders_customer_id_idx ON shop.orders (customer_id);
CREATE INDEX orders_ordered_at_idx ON shop.orders (ordered_at);
CREATE INDEX orders_open_idx ON shop.orders (status) WHERE status IN ('new', 'paid', 'packed');
CREATE INDEX order_items_product_id_idx ON shop.order_items (product_id);
CREATE INDEX events_occurred_at_idx ON app.events USING brin (occurred_at);
CREATE INDEX events_actor_kind_idx ON app.events (actor_id, kind);
CREATE INDEX events_payload_idx ON app.events USING gin (payload jsonb_path_ops);
CREATE INDEX documents_customer_id_idx ON app.documents (customer_id);
CREATE INDEX audit_log_at_idx ON app.audit_log (at);

ALTER TABLE shop.orders      ADD FOREIGN KEY (customer_id) REFERENCES shop.customers (id);
ALTER TABLE shop.order_items ADD FOREIGN KEY (order_id) REFERENCES shop.orders (id);
ALTER TABLE shop.order_items ADD FOREIGN KEY (product_id) REFERENCES shop.products (id);
ALTER TABLE app.documents    ADD FOREIGN KEY (customer_id) REFERENCES shop.customers (id);

VACUUM (ANALYZE);

INSERT INTO public.bench_meta VALUES ('scale', :'scale'), ('complete', 'true'), ('generated_at', now()::text);
