/**
 * Which articles a tag filter lets through. The articles carrying a tag: on the article itself, on one of its highlights, or on a note
 * on it (or on one of its highlights). One `?`: the tag's name. Used by the search filter and
 * the library filter.
 */
export const ARTICLES_TAGGED_SQL = `(WITH tag AS (SELECT id FROM tags WHERE name = ?)
  SELECT article_id FROM article_tags WHERE tag_id IN tag
  UNION SELECT h.article_id FROM highlight_tags x JOIN highlights h ON h.id = x.highlight_id
    WHERE x.tag_id IN tag
  UNION SELECT coalesce(n.article_id, h.article_id) FROM note_tags x JOIN notes n ON n.id = x.note_id
    LEFT JOIN highlights h ON h.id = n.highlight_id WHERE x.tag_id IN tag)`
