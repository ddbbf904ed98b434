-- Folded search column (filled at ingest) vs an immutable f_unaccent() expression index: ingest and search timings.
-- Run: psql -h 127.0.0.1 -U postgres -d ledger_bench -f ledger-service/src/test/bench/search-design.sql
\timing on
SET synchronous_commit = on;
DROP TABLE IF EXISTS a_col, b_expr;
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent', $1) $$;
CREATE TABLE a_col (id bigserial primary key, company_id uuid, date timestamptz, description text, merchant_name text, search_text text not null);
CREATE INDEX ON a_col (company_id, date, id);
CREATE INDEX ON a_col USING gin (search_text gin_trgm_ops);
CREATE TABLE b_expr (id bigserial primary key, company_id uuid, date timestamptz, description text, merchant_name text);
CREATE INDEX ON b_expr (company_id, date, id);
CREATE INDEX ON b_expr USING gin (f_unaccent(lower(description || ' ' || coalesce(merchant_name, ''))) gin_trgm_ops);
CREATE TEMP TABLE src AS
SELECT g, (ARRAY['PIX ENVIADO ','PIX RECEBIDO ','COMPRA CARTÃO ','PAGAMENTO BOLETO ','TED ENVIADA '])[1 + g % 5]
        || (ARRAY['João','José','Conceição','Antônio','Márcia','Sérgio','Luís','Inês'])[1 + (g / 5) % 8] || ' '
        || (ARRAY['Araújo','Gonçalves','Simões','Romão','Brandão','Lopes'])[1 + (g / 40) % 6] || ' ' || (g % 9973) AS d,
       (ARRAY['Pão de Açúcar','Drogaria Saúde','Posto Ipê','iFood','Magazine Luiza', NULL])[1 + g % 6] AS m
FROM generate_series(1, 200000) g;
\echo '--- A: folded column (Java folds at ingest; here the same fold is applied in SQL for the load) ---'
INSERT INTO a_col (company_id, date, description, merchant_name, search_text)
SELECT '00000000-0000-0000-0000-000000000001', now() - g * interval '1 minute', d, m, lower(f_unaccent(d || ' ' || coalesce(m, ''))) FROM src;
\echo '--- A again without the fold in SQL (precomputed text, as the app sends it) ---'
CREATE TEMP TABLE pre AS SELECT g, d, m, lower(f_unaccent(d || ' ' || coalesce(m, ''))) AS s FROM src;
TRUNCATE a_col;
INSERT INTO a_col (company_id, date, description, merchant_name, search_text)
SELECT '00000000-0000-0000-0000-000000000001', now() - g * interval '1 minute', d, m, s FROM pre;
\echo '--- B: expression index f_unaccent(lower(...)) ---'
INSERT INTO b_expr (company_id, date, description, merchant_name)
SELECT '00000000-0000-0000-0000-000000000001', now() - g * interval '1 minute', d, m FROM src;
VACUUM ANALYZE a_col; VACUUM ANALYZE b_expr;
\echo '--- search: selective (trigram bitmap) ---'
SELECT count(*) FROM (SELECT id FROM a_col WHERE company_id='00000000-0000-0000-0000-000000000001' AND search_text LIKE '%romao 77%' ORDER BY date DESC, id DESC LIMIT 51) x;
SELECT count(*) FROM (SELECT id FROM a_col WHERE company_id='00000000-0000-0000-0000-000000000001' AND search_text LIKE '%romao 77%' ORDER BY date DESC, id DESC LIMIT 51) x;
SELECT count(*) FROM (SELECT id FROM b_expr WHERE company_id='00000000-0000-0000-0000-000000000001' AND f_unaccent(lower(description || ' ' || coalesce(merchant_name, ''))) LIKE '%romao 77%' ORDER BY date DESC, id DESC LIMIT 51) x;
SELECT count(*) FROM (SELECT id FROM b_expr WHERE company_id='00000000-0000-0000-0000-000000000001' AND f_unaccent(lower(description || ' ' || coalesce(merchant_name, ''))) LIKE '%romao 77%' ORDER BY date DESC, id DESC LIMIT 51) x;
\echo '--- search: medium (filter while walking the date index, or recheck) ---'
SELECT count(*) FROM (SELECT id FROM a_col WHERE company_id='00000000-0000-0000-0000-000000000001' AND search_text LIKE '%conceicao simoes%' ORDER BY date DESC, id DESC LIMIT 51) x;
SELECT count(*) FROM (SELECT id FROM b_expr WHERE company_id='00000000-0000-0000-0000-000000000001' AND f_unaccent(lower(description || ' ' || coalesce(merchant_name, ''))) LIKE '%conceicao simoes%' ORDER BY date DESC, id DESC LIMIT 51) x;
\echo '--- search: counting all matches (recheck cost) ---'
SELECT count(*) FROM a_col WHERE search_text LIKE '%acucar%';
SELECT count(*) FROM b_expr WHERE f_unaccent(lower(description || ' ' || coalesce(merchant_name, ''))) LIKE '%acucar%';
\dt+ a_col
\dt+ b_expr
\di+ a_col*
\di+ b_expr*
DROP TABLE a_col, b_expr;
DROP FUNCTION f_unaccent(text);
