-- How far the pipeline got with an inbound message, and what the analysis found (the seed's MESSAGE.ai_analysis,
-- language and processing status).
ALTER TABLE message
    ADD COLUMN processing_status text CHECK (processing_status IN ('RECEIVED', 'ANALYSED', 'TASKS_CREATED', 'FAILED')),
    ADD COLUMN processing_error  text,
    ADD COLUMN language          text,
    ADD COLUMN ai_analysis       jsonb;
