-- The feeds' sort indexes also carry every column a feed filter reads (hidden, template, creator,
-- allergens, dietary tags, the searchable name). A filtered page walks the sort's index past the
-- designs that do not match; SQLite tests the filters on the index entry and reads a design's
-- row only for those that match (its "deferred seek"), where before every design walked cost a
-- seek into the table. PostgreSQL tests such filters on the row whatever the index holds, so
-- there the indexes stay as they were.
DROP INDEX designs_top_idx;
DROP INDEX designs_hot_idx;
DROP INDEX designs_new_idx;
CREATE INDEX designs_top_idx ON designs (status, lower_bound, id, hidden_at, template_id, creator_id, allergens, dietary, search_name);
CREATE INDEX designs_hot_idx ON designs (status, hot, id, hidden_at, template_id, creator_id, allergens, dietary, search_name);
CREATE INDEX designs_new_idx ON designs (status, published_at, id, hidden_at, template_id, creator_id, allergens, dietary, search_name);
