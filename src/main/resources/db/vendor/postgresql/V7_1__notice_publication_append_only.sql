-- PostgreSQL only (db/vendor/{vendor}): a published notice is immutable in the database itself, not only by the
-- application's habit. UPDATE and DELETE of notice_publication rows are refused for every user of the schema.
CREATE FUNCTION notice_publication_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'notice_publication is append-only / 已发布的公示不能修改或删除';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notice_publication_no_change
    BEFORE UPDATE OR DELETE ON notice_publication
    FOR EACH ROW EXECUTE FUNCTION notice_publication_append_only();
