-- 办理进度 and GET /api/documents?case=<base id> look documents up by case_ref OR base_ref (DocumentService.visibleTo):
-- an index on base_ref too, so that lookup does not scan the table as documents accumulate.
CREATE INDEX ix_doc_document_base ON doc_document (base_ref);
