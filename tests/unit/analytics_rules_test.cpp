// The pure parts of analytics: week starts, percent change as ../shared/API.md counts it,
// medians, and who may see whose figures.
#include <gtest/gtest.h>

#include <cmath>

#include "domain/analytics.hpp"

namespace greenroom::domain {
namespace {

TEST(AnalyticsRules, WeeksStartOnMondayMidnightUtc) {
  // 2026-11-23 is a Monday; 2026-11-28 12:00 UTC a Saturday of that week.
  const Millis monday = 1'795'392'000'000;  // 2026-11-23T00:00:00Z
  EXPECT_EQ(week_start(monday), monday);
  EXPECT_EQ(week_start(monday + 5 * kDayMillis + 12 * 3'600'000), monday);
  EXPECT_EQ(week_start(monday - 1), monday - kWeekMillis);
  EXPECT_EQ(week_start(0), -3 * kDayMillis);  // Thursday 1970-01-01 -> Monday 1969-12-29
  EXPECT_EQ(week_start(-1), -3 * kDayMillis);
}

TEST(AnalyticsRules, ChangePercentIsRoundedToTwoDecimalsAndNullFromZero) {
  EXPECT_EQ(change_percent(3, 4), 33.33);
  EXPECT_EQ(change_percent(3, 2), -33.33);
  EXPECT_EQ(change_percent(2, 5), 150.0);
  EXPECT_EQ(change_percent(10000, 12793), 27.93);  // as the seeds quote it
  EXPECT_EQ(change_percent(5, 5), 0.0);
  // A fall too small to show is 0, never "-0" (which JSON writes as -0.0).
  ASSERT_TRUE(change_percent(500043, 500040).has_value());
  EXPECT_FALSE(std::signbit(*change_percent(500043, 500040)));
  EXPECT_FALSE(change_percent(0, 7).has_value());
  EXPECT_FALSE(change_percent(0, 0).has_value());
}

TEST(AnalyticsRules, MedianOfOddAndEvenCounts) {
  EXPECT_FALSE(median({}).has_value());
  EXPECT_EQ(median({5}), 5.0);
  EXPECT_EQ(median({9, 1, 5}), 5.0);
  EXPECT_EQ(median({3600, 1800}), 2700.0);
  EXPECT_EQ(median({4, 1, 3, 2}), 2.5);
}

TEST(AnalyticsRules, WhoSeesWhoseFigures) {
  const Actor admin{1, Role::admin, std::nullopt}, coach{2, Role::coach, std::nullopt},
      exec{3, Role::executive, Level::walk}, member{4, Role::member, std::nullopt},
      mod{5, Role::moderator, std::nullopt};
  EXPECT_TRUE(can_view_engagement(admin, 3, false));
  EXPECT_TRUE(can_view_engagement(exec, 3, false));
  EXPECT_FALSE(can_view_engagement(exec, 9, false));
  EXPECT_TRUE(can_view_engagement(coach, 3, true));
  EXPECT_FALSE(can_view_engagement(coach, 3, false));
  EXPECT_FALSE(can_view_engagement(member, 4, false));  // members see none, not even theirs
  EXPECT_FALSE(can_view_engagement(mod, 3, false));
  EXPECT_TRUE(can_view_joining_effect(coach, 3));
  EXPECT_TRUE(can_view_joining_effect(admin, 3));
  EXPECT_TRUE(can_view_joining_effect(member, 4));
  EXPECT_FALSE(can_view_joining_effect(member, 3));
  EXPECT_FALSE(can_view_joining_effect(exec, 9));
}

}  // namespace
}  // namespace greenroom::domain
