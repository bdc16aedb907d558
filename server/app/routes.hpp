#pragma once
#include "api/services.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace greenroom::app {

// Every route of the server, in one place.
void register_routes(http::Router& router, api::Services& services, const http::Metrics& metrics);

}  // namespace greenroom::app
