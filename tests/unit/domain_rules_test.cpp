// Domain rules: who may see a post, which state a new post starts in, text validation,
// cursors and time formatting.
#include <gtest/gtest.h>

#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {
namespace {

Actor actor(Role r, std::int64_t id = 1, std::optional<Level> level = std::nullopt) {
  return {id, r, level};
}

TEST(Visibility, DraftsAreForTheAuthorAndTheirCoachesOnly) {
  for (auto state : {PostState::draft, PostState::in_review, PostState::changes_requested,
                     PostState::approved}) {
    PostFacts post{10, 5, Space::company, state};
    EXPECT_TRUE(can_view_post(actor(Role::executive, 5), post, {}));
    EXPECT_TRUE(can_view_post(actor(Role::coach, 2), post, {true, false}));
    EXPECT_FALSE(can_view_post(actor(Role::coach, 3), post, {}));
    EXPECT_FALSE(can_view_post(actor(Role::executive, 6), post, {false, true}));
    EXPECT_FALSE(can_view_post(actor(Role::moderator, 7), post, {}));
    EXPECT_FALSE(can_view_post(actor(Role::admin, 8), post, {}));
    EXPECT_FALSE(can_view_post(actor(Role::member, 9), post, {}));
  }
}

TEST(Visibility, PublishedPracticeIsForTheCohortCoachesAndOversight) {
  PostFacts post{10, 5, Space::practice, PostState::published};
  EXPECT_TRUE(can_view_post(actor(Role::executive, 6), post, {false, true}));
  EXPECT_TRUE(can_view_post(actor(Role::coach, 2), post, {true, false}));
  EXPECT_TRUE(can_view_post(actor(Role::moderator, 7), post, {}));
  EXPECT_FALSE(can_view_post(actor(Role::member, 9), post, {}));
  EXPECT_FALSE(can_view_post(actor(Role::executive, 6), post, {}));
  PostFacts company{11, 5, Space::company, PostState::published};
  EXPECT_TRUE(can_view_post(actor(Role::member, 9), company, {}));
}

TEST(Visibility, HiddenAndRemoved) {
  PostFacts hidden{10, 5, Space::company, PostState::hidden};
  EXPECT_TRUE(can_view_post(actor(Role::member, 5), hidden, {}));
  EXPECT_TRUE(can_view_post(actor(Role::moderator, 7), hidden, {}));
  EXPECT_FALSE(can_view_post(actor(Role::member, 9), hidden, {}));
  PostFacts removed{10, 5, Space::company, PostState::removed};
  EXPECT_FALSE(can_view_post(actor(Role::member, 5), removed, {}));
  EXPECT_TRUE(can_view_post(actor(Role::moderator, 7), removed, {}));
}

TEST(Capabilities, DenyByDefault) {
  EXPECT_FALSE(has_capability(Role::member, Capability::manage_users));
  EXPECT_FALSE(has_capability(Role::coach, Capability::manage_users));
  EXPECT_TRUE(has_capability(Role::admin, Capability::manage_users));
  EXPECT_FALSE(has_capability(Role::member, Capability::post_practice));
  EXPECT_FALSE(has_capability(Role::member, Capability::read_practice_feed));
  EXPECT_TRUE(has_capability(Role::coach, Capability::review_posts));
  EXPECT_FALSE(has_capability(Role::executive, Capability::review_posts));
}

std::string refusal(const Actor& a, Space s, PostAction act) {
  try {
    decide_new_post(a, s, act);
  } catch (const Error& e) {
    return e.code();
  }
  return "allowed";
}

TEST(NewPost, TrainingLevelsGateDirectPublishing) {
  auto crawl = actor(Role::executive, 1, Level::crawl);
  auto walk = actor(Role::executive, 1, Level::walk);
  auto run = actor(Role::executive, 1, Level::run);
  EXPECT_EQ(refusal(crawl, Space::practice, PostAction::publish), "review_required");
  EXPECT_EQ(refusal(crawl, Space::company, PostAction::publish), "review_required");
  EXPECT_EQ(decide_new_post(crawl, Space::company, PostAction::submit), PostState::in_review);
  EXPECT_EQ(decide_new_post(crawl, Space::company, PostAction::draft), PostState::draft);
  EXPECT_EQ(decide_new_post(walk, Space::practice, PostAction::publish), PostState::published);
  EXPECT_EQ(refusal(walk, Space::company, PostAction::publish), "review_required");
  EXPECT_EQ(decide_new_post(run, Space::company, PostAction::publish), PostState::published);
  EXPECT_EQ(refusal(actor(Role::member), Space::practice, PostAction::publish), "forbidden");
  EXPECT_EQ(refusal(actor(Role::member), Space::company, PostAction::submit), "forbidden");
  EXPECT_EQ(decide_new_post(actor(Role::member), Space::company, PostAction::publish),
            PostState::published);
}

TEST(Text, Utf8ValidationAndCodePoints) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xF0\x9F\x9A\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x9A"));      // truncated
  EXPECT_EQ(code_point_count("caf\xC3\xA9 \xF0\x9F\x9A\x80"), 6u);
  EXPECT_EQ(byte_offset_of("a\xC3\xA9z", 2), 3u);
  EXPECT_EQ(slice_code_points("a\xC3\xA9z", 1, 2), "\xC3\xA9");
  EXPECT_FALSE(slice_code_points("abc", 2, 5).has_value());
}

TEST(Text, ValidateTextNamesTheProblem) {
  EXPECT_NO_THROW(validate_text("Hello team", "body", 10));
  auto message = [](std::string_view t, std::size_t max) {
    try {
      validate_text(t, "body", max);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(message("", 10).find("must not be empty"), std::string::npos);
  EXPECT_NE(message(" \n\xC2\xA0", 10).find("must not be empty"), std::string::npos);
  EXPECT_NE(message("12345678901", 10).find("at most 10"), std::string::npos);
  EXPECT_NE(message("bell\x07", 10).find("control characters"), std::string::npos);
  EXPECT_NE(message("\xC3\x28", 10).find("UTF-8"), std::string::npos);
  EXPECT_EQ(message("line\nbreak\ttab", 20), "");
}

TEST(Cursor, RoundTripsAndRefusesAnythingElse) {
  auto c = decode_cursor(encode_cursor({1732460000123, 42}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->key, 1732460000123);
  EXPECT_EQ(c->id, 42);
  for (auto bad :
       {"", "c", "c1", "c1.", "c.1", "x1.2", "c01.2", "c1.-2", "c1.2.3", "c99999999999999999999.1"})
    EXPECT_FALSE(decode_cursor(bad).has_value()) << bad;
}

// Found by tests/fuzz/query_cursor_fuzz: "-0" parsed as 0, a second spelling of a cursor.
TEST(Cursor, NegativeZeroIsNotASpellingOfZero) {
  for (auto bad : {"c-0.2", "c1.-0", "c+1.2", "c 1.2"})
    EXPECT_FALSE(decode_cursor(bad).has_value()) << bad;
  EXPECT_TRUE(decode_cursor("c0.2").has_value());
}

TEST(Time, Rfc3339Utc) {
  EXPECT_EQ(format_rfc3339(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339(1732460478123), "2024-11-24T15:01:18.123Z");
}

}  // namespace
}  // namespace greenroom::domain
