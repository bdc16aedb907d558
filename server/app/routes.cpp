#include "app/routes.hpp"

#include "api/analytics.hpp"
#include "api/annotations.hpp"
#include "api/articles.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/blogs.hpp"
#include "api/champions.hpp"
#include "api/drills.hpp"
#include "api/feed_hosts.hpp"
#include "api/feeds.hpp"
#include "api/follows.hpp"
#include "api/goals.hpp"
#include "api/lifecycle.hpp"
#include "api/live.hpp"
#include "api/mentor_thread.hpp"
#include "api/mentorships.hpp"
#include "api/moderation.hpp"
#include "api/notification_settings.hpp"
#include "api/notifications.hpp"
#include "api/policy.hpp"
#include "api/policy_versions.hpp"
#include "api/posts.hpp"
#include "api/profiles.hpp"
#include "api/publishing.hpp"
#include "api/questions.hpp"
#include "api/reading.hpp"
#include "api/reauth.hpp"
#include "api/reply_reviews.hpp"
#include "api/reviews.hpp"
#include "api/search.hpp"
#include "api/sessions.hpp"
#include "api/system.hpp"
#include "api/two_factor.hpp"
#include "api/users.hpp"

// Coaching evidence and level suggestions (issue 15).
#include "api/coaching_evidence.hpp"
#include "api/level_suggestions.hpp"

namespace greenroom::app {

using http::Verb;

void register_routes(http::Router& r, api::Services& s, const http::Metrics& m) {
  // Binds a handler of (Services&, RequestContext&) to the router's handler type.
  auto bind = [&s](auto fn) { return [&s, fn](http::RequestContext& ctx) { return fn(s, ctx); }; };
  r.add(Verb::get, "/healthz", [](http::RequestContext& ctx) { return api::healthz(ctx); });
  r.add(Verb::get, "/metrics", [&m](http::RequestContext& ctx) { return api::metrics(m, ctx); });

  r.add(Verb::post, "/api/v1/auth/login", bind(api::login));
  r.add(Verb::post, "/api/v1/auth/logout", bind(api::logout));
  r.add(Verb::get, "/api/v1/me", bind(api::me));
  r.add(Verb::get, "/api/v1/me/posts", bind(api::my_posts));
  r.add(Verb::get, "/api/v1/live", bind(api::live_channel));

  // Sessions, password, second factor, re-authentication.
  r.add(Verb::post, "/api/v1/auth/reauth", bind(api::reauth));
  r.add(Verb::get, "/api/v1/me/sessions", bind(api::list_sessions));
  r.add(Verb::delete_, "/api/v1/me/sessions", bind(api::end_other_sessions));
  r.add(Verb::delete_, "/api/v1/me/sessions/{id:token}", bind(api::end_session));
  r.add(Verb::put, "/api/v1/me/password", bind(api::change_password));
  r.add(Verb::get, "/api/v1/me/totp", bind(api::totp_status));
  r.add(Verb::post, "/api/v1/me/totp", bind(api::start_totp));
  r.add(Verb::delete_, "/api/v1/me/totp", bind(api::disable_totp));
  r.add(Verb::post, "/api/v1/me/totp/confirm", bind(api::confirm_totp));

  r.add(Verb::post, "/api/v1/posts", bind(api::create_post));
  r.add(Verb::get, "/api/v1/posts/{id}", bind(api::get_post));
  r.add(Verb::post, "/api/v1/posts/{id}/replies", bind(api::add_reply));
  r.add(Verb::put, "/api/v1/posts/{id}/like", bind(api::like_post));
  r.add(Verb::delete_, "/api/v1/posts/{id}/like", bind(api::unlike_post));
  r.add(Verb::get, "/api/v1/feed", bind(api::feed));
  r.add(Verb::get, "/api/v1/search", bind(api::search));
  // Private Atom feeds.
  r.add(Verb::get, "/api/v1/me/feed-token", bind(api::get_feed_token));
  r.add(Verb::post, "/api/v1/me/feed-token", bind(api::rotate_feed_token));
  r.add(Verb::get, "/feeds/{token:token}/company.atom", bind(api::company_atom));
  r.add(Verb::get, "/feeds/{token:token}/users/{username:word}.atom", bind(api::user_atom));
  r.add(Verb::get, "/feeds/{token:token}/blogs/{id}.atom", bind(api::blog_atom));
  r.add(Verb::get, "/feeds/{token:token}/topics/{tag:word}.atom", bind(api::topic_atom));

  // Coaching workflow.
  r.add(Verb::patch, "/api/v1/posts/{id}", bind(api::edit_post));
  r.add(Verb::post, "/api/v1/posts/{id}/submit", bind(api::submit_post));
  r.add(Verb::post, "/api/v1/posts/{id}/publish", bind(api::publish_post));
  r.add(Verb::post, "/api/v1/posts/{id}/withdraw", bind(api::withdraw_post));
  r.add(Verb::get, "/api/v1/posts/{id}/versions", bind(api::post_versions));
  r.add(Verb::post, "/api/v1/posts/{id}/schedule", bind(api::schedule_post));
  r.add(Verb::delete_, "/api/v1/posts/{id}/schedule", bind(api::unschedule_post));
  r.add(Verb::post, "/api/v1/posts/{id}/correction", bind(api::correct_post));
  r.add(Verb::post, "/api/v1/posts/{id}/correction/publish", bind(api::publish_correction));
  r.add(Verb::delete_, "/api/v1/posts/{id}/correction", bind(api::discard_correction));
  r.add(Verb::get, "/api/v1/posts/{id}/annotations", bind(api::list_annotations));
  r.add(Verb::post, "/api/v1/posts/{id}/annotations", bind(api::create_annotation));
  r.add(Verb::post, "/api/v1/annotations/{id}/replies", bind(api::reply_annotation));
  r.add(Verb::post, "/api/v1/annotations/{id}/resolve", bind(api::resolve_annotation));
  r.add(Verb::post, "/api/v1/annotations/{id}/apply", bind(api::apply_annotation));
  r.add(Verb::get, "/api/v1/reviews/queue", bind(api::review_queue));
  r.add(Verb::get, "/api/v1/posts/{id}/reviews", bind(api::list_reviews));
  r.add(Verb::post, "/api/v1/posts/{id}/reviews", bind(api::create_review));
  // Replies held for review (Crawl executives in the company space).
  r.add(Verb::patch, "/api/v1/replies/{id}", bind(api::edit_reply));
  r.add(Verb::get, "/api/v1/replies/{id}/annotations", bind(api::list_reply_annotations));
  r.add(Verb::post, "/api/v1/replies/{id}/annotations", bind(api::create_reply_annotation));
  r.add(Verb::get, "/api/v1/replies/{id}/reviews", bind(api::list_reply_reviews));
  r.add(Verb::post, "/api/v1/replies/{id}/reviews", bind(api::create_reply_review));
  r.add(Verb::post, "/api/v1/lint", bind(api::lint));
  r.add(Verb::get, "/api/v1/policy", bind(api::get_policy));
  r.add(Verb::put, "/api/v1/policy", bind(api::put_policy));
  r.add(Verb::get, "/api/v1/policy/versions", bind(api::list_policy_versions));
  r.add(Verb::get, "/api/v1/policy/versions/{n}", bind(api::get_policy_version));
  r.add(Verb::post, "/api/v1/policy/versions/{n}/rollback", bind(api::rollback_policy));
  r.add(Verb::get, "/api/v1/goals", bind(api::list_goals));
  r.add(Verb::post, "/api/v1/goals", bind(api::create_goal));
  r.add(Verb::delete_, "/api/v1/goals/{id}", bind(api::delete_goal));
  r.add(Verb::get, "/api/v1/analytics/users/{id}", bind(api::user_analytics));
  r.add(Verb::get, "/api/v1/analytics/joining-effect", bind(api::joining_effect));
  // Coaching evidence and level suggestions (issue 15).
  r.add(Verb::get, "/api/v1/analytics/users/{id}/coaching", bind(api::coaching_evidence));
  r.add(Verb::get, "/api/v1/coaching/level-suggestions", bind(api::list_level_suggestions));
  r.add(Verb::post, "/api/v1/coaching/level-suggestions/{id}/accept",
        bind(api::accept_level_suggestion));
  r.add(Verb::post, "/api/v1/coaching/level-suggestions/{id}/dismiss",
        bind(api::dismiss_level_suggestion));
  // Drills: rehearsal under pressure (issue 15). The drill's post is POST /posts with
  // "drill_id"; a persona reply is POST /posts/{id}/replies with "persona_id".
  r.add(Verb::get, "/api/v1/drills", bind(api::list_drills));
  r.add(Verb::post, "/api/v1/drills", bind(api::create_drill));
  r.add(Verb::get, "/api/v1/drills/{id}", bind(api::get_drill));
  r.add(Verb::post, "/api/v1/drills/{id}/complete", bind(api::complete_drill));
  r.add(Verb::get, "/api/v1/notifications", bind(api::list_notifications));
  r.add(Verb::post, "/api/v1/notifications/read", bind(api::read_notifications));

  // People: accounts, coach assignments, cohorts, levels.
  r.add(Verb::get, "/api/v1/users", bind(api::list_users));
  r.add(Verb::post, "/api/v1/users", bind(api::create_user));
  r.add(Verb::patch, "/api/v1/users/{id}", bind(api::update_user));
  r.add(Verb::put, "/api/v1/users/{id}/level", bind(api::set_level));
  r.add(Verb::put, "/api/v1/coaches/{coach_id}/executives/{executive_id}", bind(api::assign_coach));
  r.add(Verb::delete_, "/api/v1/coaches/{coach_id}/executives/{executive_id}",
        bind(api::unassign_coach));
  r.add(Verb::get, "/api/v1/cohort", bind(api::cohort));

  // Reverse mentoring: digital champions paired with executives.
  r.add(Verb::get, "/api/v1/champions", bind(api::list_champions));
  r.add(Verb::get, "/api/v1/champions/candidates", bind(api::champion_candidates));
  r.add(Verb::put, "/api/v1/champions/{user_id}", bind(api::mark_champion));
  r.add(Verb::delete_, "/api/v1/champions/{user_id}", bind(api::unmark_champion));
  r.add(Verb::get, "/api/v1/mentorships", bind(api::list_mentorships));
  r.add(Verb::post, "/api/v1/mentorships", bind(api::create_mentorship));
  r.add(Verb::get, "/api/v1/mentorships/{id}", bind(api::get_mentorship));
  r.add(Verb::delete_, "/api/v1/mentorships/{id}", bind(api::end_mentorship));
  r.add(Verb::post, "/api/v1/mentorships/{id}/accept", bind(api::accept_mentorship));
  r.add(Verb::post, "/api/v1/mentorships/{id}/decline", bind(api::decline_mentorship));
  r.add(Verb::get, "/api/v1/mentorships/{id}/posts", bind(api::mentorship_posts));
  r.add(Verb::get, "/api/v1/posts/{id}/mentor-thread", bind(api::list_mentor_thread));
  r.add(Verb::post, "/api/v1/posts/{id}/mentor-thread", bind(api::post_mentor_thread));
  // Moderation and the audit trail.
  r.add(Verb::post, "/api/v1/reports", bind(api::create_report));
  r.add(Verb::get, "/api/v1/moderation/queue", bind(api::moderation_queue));
  r.add(Verb::post, "/api/v1/moderation/actions", bind(api::moderation_action));
  r.add(Verb::get, "/api/v1/audit", bind(api::list_audit));
  r.add(Verb::get, "/api/v1/audit/export", bind(api::export_audit));

  // The Q&A blog: blogs, articles, questions, votes, answers, the Markdown preview.
  r.add(Verb::post, "/api/v1/blogs", bind(api::create_blog));
  r.add(Verb::get, "/api/v1/blogs", bind(api::list_blogs));
  r.add(Verb::get, "/api/v1/blogs/{id}", bind(api::get_blog));
  r.add(Verb::get, "/api/v1/blogs/{id}/stats", bind(api::get_blog_stats));
  r.add(Verb::get, "/api/v1/blogs/{id}/articles", bind(api::list_articles));
  r.add(Verb::post, "/api/v1/blogs/{id}/articles", bind(api::create_article));
  r.add(Verb::get, "/api/v1/blogs/{id}/questions", bind(api::list_questions));
  r.add(Verb::post, "/api/v1/blogs/{id}/questions", bind(api::ask_question));
  r.add(Verb::get, "/api/v1/questions/{id}", bind(api::get_question));
  r.add(Verb::put, "/api/v1/questions/{id}/vote", bind(api::vote_question));
  r.add(Verb::delete_, "/api/v1/questions/{id}/vote", bind(api::unvote_question));
  r.add(Verb::post, "/api/v1/questions/{id}/answer", bind(api::answer_question));
  r.add(Verb::get, "/api/v1/questions/{id}/answer/versions", bind(api::answer_versions));
  r.add(Verb::post, "/api/v1/questions/{id}/decline", bind(api::decline_question));
  r.add(Verb::post, "/api/v1/questions/{id}/approve", bind(api::approve_question));
  r.add(Verb::post, "/api/v1/questions/{id}/reveal", bind(api::reveal_asker));
  // Blog questions, second part: the temperature view (the blog's Atom feed is with the feeds).
  r.add(Verb::get, "/api/v1/blogs/{id}/temperature", bind(api::get_blog_temperature));
  r.add(Verb::post, "/api/v1/markdown/preview", bind(api::preview_markdown));

  // Follows, the Following feed, profiles, topics, people lookup, notification settings.
  r.add(Verb::put, "/api/v1/users/{id}/follow", bind(api::follow_user));
  r.add(Verb::delete_, "/api/v1/users/{id}/follow", bind(api::unfollow_user));
  r.add(Verb::put, "/api/v1/topics/{tag:word}/follow", bind(api::follow_topic));
  r.add(Verb::delete_, "/api/v1/topics/{tag:word}/follow", bind(api::unfollow_topic));
  r.add(Verb::put, "/api/v1/blogs/{id}/follow", bind(api::follow_blog));
  r.add(Verb::delete_, "/api/v1/blogs/{id}/follow", bind(api::unfollow_blog));
  r.add(Verb::get, "/api/v1/me/following", bind(api::my_following));
  r.add(Verb::get, "/api/v1/feed/following", bind(api::following_feed));
  r.add(Verb::get, "/api/v1/topics/{tag:word}/posts", bind(api::topic_posts));
  r.add(Verb::get, "/api/v1/people", bind(api::people_lookup));
  r.add(Verb::get, "/api/v1/users/{username:word}", bind(api::user_profile));
  r.add(Verb::get, "/api/v1/users/{username:word}/posts", bind(api::user_posts));
  r.add(Verb::get, "/api/v1/me/notification-settings", bind(api::get_notification_settings));
  r.add(Verb::put, "/api/v1/me/notification-settings", bind(api::put_notification_settings));
  // The reading list: external feeds (hosts allowed by an admin), subscriptions, entries.
  r.add(Verb::get, "/api/v1/admin/feed-hosts", bind(api::list_feed_hosts));
  r.add(Verb::put, "/api/v1/admin/feed-hosts/{host:word}", bind(api::allow_feed_host));
  r.add(Verb::delete_, "/api/v1/admin/feed-hosts/{host:word}", bind(api::remove_feed_host));
  r.add(Verb::get, "/api/v1/reading", bind(api::reading_view));
  r.add(Verb::get, "/api/v1/reading/feeds", bind(api::list_reading_feeds));
  r.add(Verb::post, "/api/v1/reading/feeds", bind(api::subscribe_feed));
  r.add(Verb::delete_, "/api/v1/reading/feeds/{id}", bind(api::unsubscribe_feed));
  r.add(Verb::put, "/api/v1/reading/items/{id}/read", bind(api::mark_entry_read));
  r.add(Verb::delete_, "/api/v1/reading/items/{id}/read", bind(api::mark_entry_unread));
  r.add(Verb::put, "/api/v1/reading/posts/{id}/read", bind(api::mark_post_read));
  r.add(Verb::delete_, "/api/v1/reading/posts/{id}/read", bind(api::mark_post_unread));
}

}  // namespace greenroom::app
