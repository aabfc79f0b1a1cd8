/**
 * v_units lists only units that appear in at least one published reading, as SQLite's does once
 * withdrawals exist (a unit seen only in withdrawn files keeps its row, for the audit, but is not
 * listed). Columns unchanged.
 */
export const WAREHOUSE_0002 = `
CREATE OR REPLACE VIEW v_units AS
  SELECT * FROM (
    SELECT u.id AS unit_id, u.scope, u.province_code, u.name, u.level,
           (SELECT a.value FROM stg_unit_aliases a WHERE a.unit_id = u.id AND a.kind = 'code' ORDER BY a.value LIMIT 1) AS eid_code,
           (SELECT COUNT(*)::integer FROM stg_unit_rows ur WHERE ur.unit_id = u.id) AS readings
    FROM stg_units u) x
  WHERE readings > 0;
`
