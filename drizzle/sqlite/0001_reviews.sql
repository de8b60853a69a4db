CREATE TABLE `films` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_key` text NOT NULL,
	`year` integer NOT NULL,
	`director` text,
	`country` text,
	`review_count` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "films_year_check" CHECK("films"."year" between 1870 and 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `films_slug_unique` ON `films` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `films_title_key_year_unique` ON `films` (`title_key`,`year`);--> statement-breakpoint
CREATE INDEX `films_title_key_idx` ON `films` (`title_key`);--> statement-breakpoint
CREATE TABLE `post_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`number` integer NOT NULL,
	`editor_id` text,
	`reason` text,
	`title` text NOT NULL,
	`body_md` text NOT NULL,
	`score` integer,
	`tags` text NOT NULL,
	`film_id` integer NOT NULL,
	`has_spoilers` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_revisions_post_number_unique` ON `post_revisions` (`post_id`,`number`);--> statement-breakpoint
CREATE TABLE `post_tags` (
	`post_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`post_id`, `tag`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_tags_tag_idx` ON `post_tags` (`tag`,`post_id`);--> statement-breakpoint
CREATE TABLE `post_views` (
	`post_id` integer NOT NULL,
	`viewer_key` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`post_id`, `viewer_key`, `day`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`author_id` text,
	`film_id` integer NOT NULL,
	`title` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`renderer_version` integer NOT NULL,
	`excerpt` text NOT NULL,
	`score` integer,
	`has_spoilers` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`reading_minutes` integer DEFAULT 1 NOT NULL,
	`published_at` integer,
	`edited_at` integer,
	`edited_after_comments` integer,
	`revision_count` integer DEFAULT 1 NOT NULL,
	`upvote_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`view_count` integer DEFAULT 0 NOT NULL,
	`hot_score` real DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "posts_score_check" CHECK("posts"."score" is null or "posts"."score" between 1 and 10),
	CONSTRAINT "posts_status_check" CHECK("posts"."status" in ('draft', 'published', 'hidden', 'deleted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_slug_unique` ON `posts` (`slug`);--> statement-breakpoint
CREATE INDEX `posts_status_hot_idx` ON `posts` (`status`,`hot_score`,`id`);--> statement-breakpoint
CREATE INDEX `posts_status_published_idx` ON `posts` (`status`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_status_upvotes_idx` ON `posts` (`status`,`upvote_count`,`id`);--> statement-breakpoint
CREATE INDEX `posts_film_idx` ON `posts` (`film_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`,`status`,`updated_at`);