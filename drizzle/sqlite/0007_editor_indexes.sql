CREATE INDEX `post_revisions_editor_idx` ON `post_revisions` (`editor_id`);--> statement-breakpoint
CREATE INDEX `comment_revisions_editor_idx` ON `comment_revisions` (`editor_id`);