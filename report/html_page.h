// The frame of the HTML report: the words of the page in its language, and the page itself with
// its style and script (html_page.cpp); the topology picture (html_topology.cpp).
#pragma once
#include <string>

#include "report/report.h"

namespace gp::report {

struct Labels {
  bool ja = false;
  const char *summary, *zones, *zone, *verdict, *claim, *summary_col, *evidence, *no_zones, *not_understood,
      *flows, *blocking, *physical_path, *top_causes, *topology, *findings, *filter, *all_severities,
      *severity, *check, *tier, *device, *where, *message, *ordinance, *audit_date, *host, *reasons,
      *no_hosts, *devices, *lines, *not_understood_col, *notes;
};
const Labels& labels(Lang lang);

// A whole page: `title` and `body` already escaped; the style and the page's script inline.
std::string html_page(const std::string& title, const std::string& lang, const std::string& body);

// The topology as inline SVG drawn by Graphviz: devices, segments, internet points, zones as
// clusters, links coloured by kind; the path of each REACHABLE zone highlighted, the devices that
// a FIREWALL_ONLY zone's isolation rests on marked.
std::string topology_svg(const AuditReport& r);

}  // namespace gp::report
