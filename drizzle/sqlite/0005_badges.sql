CREATE TABLE `badges` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`rule` text NOT NULL,
	`tier` text NOT NULL,
	`points` integer NOT NULL,
	`ladder` text,
	`threshold` integer,
	`position` integer NOT NULL,
	`holder_count` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "badges_tier_check" CHECK("badges"."tier" in ('bronze', 'silver', 'gold'))
);
--> statement-breakpoint
CREATE TABLE `monthly_scores` (
	`user_id` text NOT NULL,
	`month` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`points_at` integer,
	`upvotes` integer DEFAULT 0 NOT NULL,
	`upvotes_at` integer,
	`reviews` integer DEFAULT 0 NOT NULL,
	`reviews_at` integer,
	PRIMARY KEY(`user_id`, `month`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `monthly_points_idx` ON `monthly_scores` (`month`,`points`,`points_at`);--> statement-breakpoint
CREATE INDEX `monthly_upvotes_idx` ON `monthly_scores` (`month`,`upvotes`,`upvotes_at`);--> statement-breakpoint
CREATE INDEX `monthly_reviews_idx` ON `monthly_scores` (`month`,`reviews`,`reviews_at`);--> statement-breakpoint
CREATE TABLE `user_badges` (
	`user_id` text NOT NULL,
	`badge_slug` text NOT NULL,
	`granted_at` integer NOT NULL,
	`post_id` integer,
	`comment_id` integer,
	PRIMARY KEY(`user_id`, `badge_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`badge_slug`) REFERENCES `badges`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `user_badges_badge_idx` ON `user_badges` (`badge_slug`,`granted_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `badge_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `replies_received` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `views_received` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `points_reached_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `upvotes_reached_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `reviews_reached_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `is_system` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `badge_announcements` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `users_rank_points_idx` ON `users` (`badge_points`,`points_reached_at`);--> statement-breakpoint
CREATE INDEX `users_rank_upvotes_idx` ON `users` (`upvotes_received`,`upvotes_reached_at`);--> statement-breakpoint
CREATE INDEX `users_rank_reviews_idx` ON `users` (`review_count`,`reviews_reached_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `announces_badge` text;--> statement-breakpoint
UPDATE `users` SET
	`views_received` = (SELECT coalesce(sum(p.`view_count`), 0) FROM `posts` p WHERE p.`author_id` = `users`.`id`),
	`replies_received` = (
		SELECT count(*) FROM `comments` c
		LEFT JOIN `comments` parent ON parent.`id` = c.`parent_id`
		JOIN `posts` p ON p.`id` = c.`post_id`
		WHERE c.`deleted_at` IS NULL AND c.`author_id` IS NOT `users`.`id`
			AND (CASE WHEN c.`parent_id` IS NULL THEN p.`author_id` ELSE parent.`author_id` END) = `users`.`id`);
