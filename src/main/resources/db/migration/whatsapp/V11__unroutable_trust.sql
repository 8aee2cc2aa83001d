-- Items parked for a number nobody had registered were replayed with the platform's trust whoever signed them: a
-- tenant with its own Meta app could sign a delivery naming someone else's number and have it stored for them once
-- they registered it. The parked delivery now keeps who signed it (the platform's app, or only the header to try
-- against the registering number's own app secret). Rows parked before this carry no proof and are not replayed.
ALTER TABLE whatsapp_unroutable_delivery ADD COLUMN platform_signed boolean NOT NULL DEFAULT false;
ALTER TABLE whatsapp_unroutable_delivery ADD COLUMN signature text;
CREATE INDEX whatsapp_unroutable_delivery_idx ON whatsapp_unroutable (delivery_id);
