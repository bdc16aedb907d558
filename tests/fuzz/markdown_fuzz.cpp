// Fuzz target for the Markdown path of articles and answers: cmark-gfm with its extensions,
// then domain::render_markdown's link and image rules. Whatever the input, the output must
// be harmless (tests/fuzz/html_safety.hpp): no script or other active element, no event
// attribute, no javascript:/data:/vbscript: link, no image from another origin.
// Build with -DGREENROOM_FUZZ=ON under clang for libFuzzer; otherwise runner.cpp replays the
// corpus in CI.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "domain/markdown.hpp"
#include "html_safety.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto html = greenroom::domain::render_markdown(input);
  const auto problem = greenroom::test::html_problem(html);
  if (!problem.empty()) {
    std::fprintf(stderr, "unsafe output (%s):\n%s\n", problem.c_str(), html.c_str());
    std::abort();
  }
  return 0;
}
