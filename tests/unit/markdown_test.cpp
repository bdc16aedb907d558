// domain::render_markdown: the GitHub extensions work, raw HTML never comes through, and at
// least 100 known XSS payloads (tests/unit/fixtures/xss_payloads.txt), each rendered as it is and
// inside Markdown links, images, autolinks, reference links and table cells, come out
// harmless (tests/fuzz/html_safety.hpp).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "../fuzz/html_safety.hpp"
#include "domain/markdown.hpp"

namespace greenroom::domain {
namespace {

std::vector<std::string> payloads() {
  std::ifstream in(std::string(GREENROOM_SOURCE_DIR) + "/tests/unit/fixtures/xss_payloads.txt");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string p;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'n') {
        p.push_back('\n');
        ++i;
      } else if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 't') {
        p.push_back('\t');
        ++i;
      } else {
        p.push_back(line[i]);
      }
    }
    out.push_back(p);
  }
  return out;
}

TEST(Markdown, RendersTheGithubExtensions) {
  auto html = render_markdown("| a | b |\n| --- | --- |\n| 1 | 2 |\n\n~~gone~~ www.example.com");
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
  EXPECT_NE(html.find("<del>gone</del>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"http://www.example.com\">"), std::string::npos) << html;
  EXPECT_NE(render_markdown("**Hello** _team_").find("<strong>Hello</strong>"), std::string::npos);
}

TEST(Markdown, RawHtmlNeverComesThrough) {
  auto html = render_markdown("<b onclick=\"x()\">hi</b>\n\n<div>block</div>");
  EXPECT_EQ(html.find("<b"), std::string::npos) << html;
  EXPECT_EQ(html.find("<div"), std::string::npos) << html;
  EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
}

TEST(Markdown, KeepsSafeLinksAndSameOriginImages) {
  auto html = render_markdown(
      "[site](https://example.com/a?b=1) [mail](mailto:ceo@example.com) [rel](/posts/3) "
      "![chart](/static/chart.png)");
  EXPECT_NE(html.find("href=\"https://example.com/a?b=1\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"mailto:ceo@example.com\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"/posts/3\""), std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"/static/chart.png\" alt=\"chart\""), std::string::npos) << html;
}

TEST(Markdown, UnsafeLinksKeepOnlyTheirText) {
  auto html = render_markdown("[click me](javascript:alert(1)) ![pic](https://evil.example/x.png)");
  EXPECT_EQ(html, "<p>click me pic</p>\n");
}

TEST(Markdown, LinkAndImageRules) {
  for (auto ok : {"https://a.example", "HTTP://a.example", "mailto:x@y.z", "/a", "a/b", "#top",
                  "?q=1", "a/b:c"})
    EXPECT_TRUE(is_safe_link(ok)) << ok;
  for (auto bad : {"javascript:alert(1)", " JavaScript:x", "java\tscript:x", "java\nscript:x",
                   "vbscript:x", "data:text/html,x", "file:///etc", "x-y:z", "\x01javascript:x"})
    EXPECT_FALSE(is_safe_link(bad)) << bad;
  for (auto ok : {"/img/a.png", "a.png", "static/x.png"}) EXPECT_TRUE(is_same_origin_image(ok));
  for (auto bad : {"//evil/x.png", "/\\evil/x.png", "\\\\evil\\x.png", "https://evil/x.png",
                   "data:image/png;base64,AA", "", "javascript:x"})
    EXPECT_FALSE(is_same_origin_image(bad)) << bad;
}

TEST(Markdown, OverAHundredKnownXssPayloadsComeOutHarmless) {
  const auto list = payloads();
  ASSERT_GE(list.size(), 100u);
  int rendered = 0;
  for (const auto& p : list) {
    const std::vector<std::string> contexts = {p,
                                               "[link](" + p + ")",
                                               "![image](" + p + ")",
                                               "<" + p + ">",
                                               "[ref]\n\n[ref]: " + p,
                                               "| a |\n| --- |\n| " + p + " |",
                                               "Text before " + p + " and after."};
    for (const auto& md : contexts) {
      const auto html = render_markdown(md);
      EXPECT_EQ(test::html_problem(html), "") << "markdown: " << md << "\nhtml: " << html;
      ++rendered;
    }
  }
  EXPECT_GE(rendered, 700);
}

}  // namespace
}  // namespace greenroom::domain
