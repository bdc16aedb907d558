#pragma once
// Helpers shared by the moderation and audit API tests.
#include <set>
#include <string>

#include "fixture.hpp"

namespace greenroom::test {

class ModerationApiTest : public ApiTest {
 protected:
  static long long id_of(const nlohmann::json& j) { return j["id"].get<long long>(); }

  static HttpResponse report(const Client& c, const std::string& type, long long id,
                             const std::string& reason, const std::string& comment = "") {
    nlohmann::json body = {{"target_type", type}, {"target_id", id}, {"reason", reason}};
    if (!comment.empty()) body["comment"] = comment;
    return c.post("/api/v1/reports", body);
  }
  static HttpResponse act(const Client& c, const std::string& type, long long id,
                          const std::string& action, const std::string& reason) {
    return c.post(
        "/api/v1/moderation/actions",
        {{"target_type", type}, {"target_id", id}, {"action", action}, {"reason", reason}});
  }
  static nlohmann::json add_reply(const Client& c, const nlohmann::json& post,
                                  const std::string& text) {
    auto r = c.post(path_of(post, "/replies"), {{"body", text}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["reply"];
  }
  static std::set<long long> feed_ids(const Client& c, const std::string& space = "company") {
    std::set<long long> ids;
    const auto page_json = c.get("/api/v1/feed?space=" + space + "&limit=100").json();
    for (const auto& p : page_json["items"]) ids.insert(p["id"].get<long long>());
    return ids;
  }
  static std::set<long long> own_post_ids(const Client& c) {
    std::set<long long> ids;
    const auto page_json = c.get("/api/v1/me/posts?limit=100").json();
    for (const auto& p : page_json["items"]) ids.insert(p["id"].get<long long>());
    return ids;
  }
  // The queue entry for an item, or null.
  static nlohmann::json queue_entry(const Client& c, const std::string& type, long long id) {
    const auto page_json = c.get("/api/v1/moderation/queue?limit=100").json();
    for (const auto& k : page_json["items"])
      if (k["target_type"] == type && k["target_id"] == id) return k;
    return nullptr;
  }
  // Audit entries about one target, newest first.
  static nlohmann::json audit_of(const std::string& type, long long id) {
    auto r = as("ada").get("/api/v1/audit?limit=200&target_type=" + type +
                           "&target_id=" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }
  static nlohmann::json notifications(const Client& c) {
    return c.get("/api/v1/notifications?limit=100").json()["items"];
  }
};

}  // namespace greenroom::test
