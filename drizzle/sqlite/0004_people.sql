CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`post_id` integer,
	`comment_id` integer,
	`target` text,
	`amount` integer,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('review_reply', 'comment_reply', 'mention', 'milestone', 'badge'))
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient_idx` ON `notifications` (`recipient_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`recipient_id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_unique` ON `notifications` (`recipient_id`,`kind`,`target`,`amount`) WHERE "notifications"."target" is not null;--> statement-breakpoint
ALTER TABLE `users` ADD `review_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `comment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `is_new` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_review_replies` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_comment_replies` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_mentions` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_milestones` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_badges` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `users_new_idx` ON `users` (`is_new`,`created_at`);--> statement-breakpoint
ALTER TABLE `posts` ADD `first_review` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `users` SET
	`review_count` = (SELECT count(*) FROM `posts` p WHERE p.`author_id` = `users`.`id` AND p.`status` = 'published'),
	`comment_count` = (SELECT count(*) FROM `comments` c JOIN `posts` p ON p.`id` = c.`post_id` WHERE c.`author_id` = `users`.`id` AND c.`deleted_at` IS NULL AND p.`status` = 'published');--> statement-breakpoint
UPDATE `users` SET `is_new` = (`created_at` > (unixepoch('subsec') * 1000) - 7 * 86400000 OR `review_count` + `comment_count` < 3);
