// Follows on a temporary database: the Following feed's timeline rows kept by the schema's
// triggers whatever order follows, posts, blogs and topics arrive in; the listings' query
// plans (one index range, no sort); and the social rules of domain/social.
#include <gtest/gtest.h>

#include "domain/social.hpp"
#include "store/follow_repository.hpp"
#include "store/following_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"
#include "temp_db.hpp"

namespace greenroom::store {
namespace {

using test::TempDb;

class Following : public ::testing::Test {
 protected:
  TempDb db;
  Connection c{db.path(), Connection::Mode::read_write};

  std::int64_t user(const std::string& name) {
    return UserRepository::insert(c, {name, name, domain::Role::member, std::nullopt, "hash"},
                                  1000);
  }
  std::int64_t post(std::int64_t author, domain::Millis at,
                    domain::PostState state = domain::PostState::published) {
    return PostRepository::insert(c, {author, domain::Space::company, state, "post"}, at);
  }
  void topic(std::int64_t post_id, const std::string& tag) {
    c.prepare(
         "INSERT INTO text_references(post_id, kind, value, start_cp, end_cp) "
         "VALUES(?1, 'topic', ?2, 0, 3)")
        .bind(1, post_id)
        .bind(2, tag)
        .run();
  }
  std::vector<std::int64_t> feed(std::int64_t viewer) {
    ListingQuery q;
    q.viewer_id = viewer;
    q.reach = domain::PracticeReach::none;
    q.limit = 50;
    std::vector<std::int64_t> out;
    for (const auto& p : FollowingRepository::following_feed(c, q).items) out.push_back(p.id);
    return out;
  }
  std::string plan(const std::string& sql) {
    auto q = c.prepare("EXPLAIN QUERY PLAN " + sql);
    std::string out;
    while (q.step()) out += q.text(3) + "\n";
    return out;
  }
};

TEST_F(Following, TimelineFollowsEveryOrderOfFollowsAndPosts) {
  const auto reader = user("reader"), ana = user("ana"), bo = user("bo");
  const auto before = post(ana, 100);  // published before the follow
  EXPECT_TRUE(FollowRepository::follow(c, reader, FollowKind::user, ana, "", 150));
  EXPECT_FALSE(FollowRepository::follow(c, reader, FollowKind::user, ana, "", 151));  // idempotent
  const auto after = post(ana, 200);  // published after it
  const auto draft = post(ana, 250, domain::PostState::draft);
  const auto tagged = post(bo, 300);
  topic(tagged, "okrs");  // topic saved after the post
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{after, before}));
  FollowRepository::follow(c, reader, FollowKind::topic, 0, "okrs", 310);
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{tagged, after, before}));
  // The draft enters when it is published, with its publication time.
  PostRepository::set_state(c, draft, domain::PostState::published, 400);
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{draft, tagged, after, before}));
  // bo's tagged post stays while the topic is followed, even when bo is followed and unfollowed.
  FollowRepository::follow(c, reader, FollowKind::user, bo, "", 410);
  FollowRepository::unfollow(c, reader, FollowKind::user, bo, "");
  EXPECT_EQ(feed(reader).size(), 4u);
  EXPECT_TRUE(FollowRepository::unfollow(c, reader, FollowKind::topic, 0, "okrs"));
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{draft, after, before}));
  // A hidden post leaves the listing (the read applies the state), not the table.
  PostRepository::set_state(c, after, domain::PostState::hidden, 500);
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{draft, before}));
  EXPECT_EQ(FollowRepository::follower_count(c, FollowKind::user, ana, ""), 1);
  EXPECT_EQ(FollowRepository::following(c, reader).people.size(), 1u);
}

TEST_F(Following, BlogArticlesReachTheBlogsFollowers) {
  const auto reader = user("reader"), host = user("host");
  c.prepare(
       "INSERT INTO blogs(id, host_id, title, promise_days, created_at) VALUES(7, ?1, 'b', 7, 1)")
      .bind(1, host)
      .run();
  FollowRepository::follow(c, reader, FollowKind::blog, 7, "", 10);
  const auto plain = post(host, 100);
  const auto article = post(host, 200);
  c.prepare("UPDATE posts SET blog_id = 7 WHERE id = ?1").bind(1, article).run();
  EXPECT_EQ(feed(reader), (std::vector<std::int64_t>{article}));
  FollowRepository::unfollow(c, reader, FollowKind::blog, 7, "");
  EXPECT_TRUE(feed(reader).empty());
  (void)plain;
}

// The Following feed reads one range of the viewer's timeline, newest first, and never sorts:
// its cost does not grow with the number of posts or people followed.
TEST_F(Following, ListingsWalkAnIndexWithoutSorting) {
  for (auto reach :
       {domain::PracticeReach::none, domain::PracticeReach::everyone, domain::PracticeReach::cohort,
        domain::PracticeReach::coached, domain::PracticeReach::mentored}) {
    const auto p = plan(FollowingRepository::following_feed_sql(reach));
    EXPECT_NE(p.find("SEARCH t USING PRIMARY KEY (user_id=?"), std::string::npos) << p;
    EXPECT_EQ(p.find("USE TEMP B-TREE"), std::string::npos) << p;
    EXPECT_EQ(p.find("SCAN p"), std::string::npos) << p;
    // The reading view's unread walk: the same range, each post's marker by primary key.
    const auto unread = plan(FollowingRepository::unread_following_sql(reach));
    EXPECT_NE(unread.find("SEARCH t USING PRIMARY KEY (user_id=?"), std::string::npos) << unread;
    EXPECT_NE(unread.find("SEARCH rr USING PRIMARY KEY (user_id=? AND post_id=?)"),
              std::string::npos)
        << unread;
    EXPECT_EQ(unread.find("USE TEMP B-TREE"), std::string::npos) << unread;
    EXPECT_EQ(unread.find("SCAN p"), std::string::npos) << unread;
  }
  const auto author = plan(FollowingRepository::author_posts_sql());
  EXPECT_NE(author.find("INDEX posts_author_timeline"), std::string::npos) << author;
  EXPECT_EQ(author.find("USE TEMP B-TREE"), std::string::npos) << author;
  // Topic pages too (migration 0024): one range of topic_timeline, never a sort.
  for (auto reach :
       {domain::PracticeReach::none, domain::PracticeReach::everyone, domain::PracticeReach::cohort,
        domain::PracticeReach::coached, domain::PracticeReach::mentored}) {
    const auto topic = plan(FollowingRepository::topic_posts_sql(reach));
    EXPECT_NE(topic.find("SEARCH t USING PRIMARY KEY (tag=?"), std::string::npos) << topic;
    EXPECT_EQ(topic.find("USE TEMP B-TREE"), std::string::npos) << topic;
    EXPECT_EQ(topic.find("SCAN p"), std::string::npos) << topic;
  }
}

// The topic timeline follows posts and their saved topics in any order: a topic saved after
// the post, a draft published later, a topic named twice and taken out once, an edit that
// drops it, a reply's topic (never), a post deleted.
TEST_F(Following, TopicPagesFollowPostsAndTheirTopicsInAnyOrder) {
  const auto ana = user("ana");
  const auto page = [&](const std::string& tag) {
    ListingQuery q;
    q.viewer_id = ana;
    q.reach = domain::PracticeReach::none;
    q.limit = 50;
    std::vector<std::int64_t> out;
    for (const auto& p : FollowingRepository::topic_posts(c, tag, q).items) out.push_back(p.id);
    return out;
  };
  const auto first = post(ana, 100);
  topic(first, "okrs");  // saved after the post
  const auto draft = post(ana, 150, domain::PostState::draft);
  topic(draft, "okrs");
  const auto twice = post(ana, 200);
  topic(twice, "okrs");
  topic(twice, "okrs");
  EXPECT_EQ(page("okrs"), (std::vector<std::int64_t>{twice, first}));
  PostRepository::set_state(c, draft, domain::PostState::published, 300);
  EXPECT_EQ(page("okrs"), (std::vector<std::int64_t>{draft, twice, first}));
  // One of two mentions of the topic taken out: the post stays; both: it goes.
  c.prepare(
       "DELETE FROM text_references WHERE id = (SELECT MIN(id) FROM text_references "
       "WHERE post_id = ?1)")
      .bind(1, twice)
      .run();
  EXPECT_EQ(page("okrs").size(), 3u);
  c.prepare("DELETE FROM text_references WHERE post_id = ?1").bind(1, twice).run();
  EXPECT_EQ(page("okrs"), (std::vector<std::int64_t>{draft, first}));
  // A reply's topic never brings its post.
  const auto replied = post(ana, 400);
  c.prepare("INSERT INTO replies(post_id, author_id, body, created_at) VALUES(?1, ?2, 'r', 410)")
      .bind(1, replied)
      .bind(2, ana)
      .run();
  c.prepare(
       "INSERT INTO text_references(post_id, reply_id, kind, value, start_cp, end_cp) "
       "VALUES(?1, ?2, 'topic', 'okrs', 0, 3)")
      .bind(1, replied)
      .bind(2, c.last_insert_id())
      .run();
  EXPECT_EQ(page("okrs"), (std::vector<std::int64_t>{draft, first}));
  // A hidden post leaves the page (the read applies the state), not the table.
  PostRepository::set_state(c, first, domain::PostState::hidden, 500);
  EXPECT_EQ(page("okrs"), (std::vector<std::int64_t>{draft}));
  auto rows = c.prepare("SELECT COUNT(*) FROM topic_timeline WHERE tag = 'okrs'");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.int64(0), 2);
}

TEST(SocialRules, TopicsAreParsedAsTheExtractorStoresThem) {
  EXPECT_EQ(domain::parse_topic("#OKRs"), "okrs");
  EXPECT_EQ(domain::parse_topic("road-map_2"), "road-map_2");
  EXPECT_FALSE(domain::parse_topic("9lives"));
  EXPECT_FALSE(domain::parse_topic("a b"));
  EXPECT_FALSE(domain::parse_topic("trailing-"));
  EXPECT_FALSE(domain::parse_topic(""));
  EXPECT_FALSE(domain::parse_topic(std::string(51, 'a')));
}

TEST(SocialRules, LikeNoticesGroupOthers) {
  EXPECT_EQ(domain::like_notice_message("Ana", 0, "Hi"), "Ana liked your post: \"Hi\"");
  EXPECT_EQ(domain::like_notice_message("Ana", 1, "Hi"), "Ana and 1 other liked your post: \"Hi\"");
  EXPECT_EQ(domain::like_notice_message("Ana", 4, "Hi"),
            "Ana and 4 others liked your post: \"Hi\"");
  EXPECT_TRUE(domain::is_everyday_kind("like"));
  EXPECT_FALSE(domain::is_everyday_kind("verdict_given"));
}

TEST(SocialRules, LevelsAreForThePersonAndTheirCoaches) {
  const domain::Actor coach{1, domain::Role::coach, std::nullopt};
  domain::Relation rel;
  EXPECT_FALSE(domain::shows_level(coach, 2, rel));
  rel.coaches_author = true;
  EXPECT_TRUE(domain::shows_level(coach, 2, rel));
  EXPECT_TRUE(domain::shows_level({2, domain::Role::executive, domain::Level::walk}, 2, {}));
}

}  // namespace
}  // namespace greenroom::store
