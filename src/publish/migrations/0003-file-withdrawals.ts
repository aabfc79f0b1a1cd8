/**
 * The withdraw audit trail (SQLite's `file_withdrawals`, append-only): one row per `qd766 withdraw`
 * and per undo, with who, when and why, and the view over it with the same name and columns as in
 * SQLite (`v_file_withdrawals`). Identity: office + the file's sha256 + the event's place among that
 * file's withdraw/undo events (src/publish/extract-files.ts).
 */
export const WAREHOUSE_0003 = `
CREATE TABLE file_withdrawals (
  id bigint PRIMARY KEY, office_id text NOT NULL, source_file_id bigint NOT NULL,
  action text NOT NULL, reason text, by_user text NOT NULL, at text NOT NULL, run_id bigint,
  row_hash text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX file_withdrawals_office ON file_withdrawals (office_id);
CREATE INDEX file_withdrawals_file ON file_withdrawals (source_file_id, at);
CREATE VIEW v_file_withdrawals AS
  SELECT w.id, w.action, w.at, w.by_user, w.reason, w.run_id,
         f.id AS source_file_id, f.file_name, f.sha256, f.kind, f.period, f.as_of, f.accepted_at,
         f.archived_as, f.withdrawn_at AS file_withdrawn_at
  FROM file_withdrawals w
  JOIN source_files f ON f.id = w.source_file_id;
`
