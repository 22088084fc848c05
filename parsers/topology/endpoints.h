// Link endpoints: "DEVICE:INTERFACE", a segment name, or "internet", resolved against the
// parsed devices and the declared segments.
#pragma once
#include <string>
#include <vector>

#include "model/snapshot.h"

namespace gp::parsers::topo {

// The interface of `dev` that `name` designates, trying in order:
//   1. the exact name, then an ASA nameif (Device::find_interface);
//   2. the name, case-insensitively (spaces ignored: "GigabitEthernet 0/1");
//   3. a Cisco-style abbreviation: the leading non-digit part of `name` is a case-insensitive
//      prefix of the interface's leading non-digit part and the rest (numbers, '/', '.', ':') is
//      equal ("Gi0/1" -> "GigabitEthernet0/1", "po1" -> "Port-channel1").
// Returns nullptr when nothing matches, or when an abbreviation matches several interfaces
// (`ambiguous` then lists them).
const model::Interface* resolve_interface(const model::Device& dev, const std::string& name,
                                          std::vector<std::string>* ambiguous = nullptr);

struct EndpointResult {
  bool ok = false;
  model::Endpoint endpoint;
  std::string error;  // when !ok: what is wrong and what was expected
  std::string note;   // when ok: an assumption the report should state
};

struct EndpointOptions {
  // Batfish layer-1 files name nodes by hostname, often lower-cased: also match device names and
  // configured hostnames case-insensitively.
  bool lenient_device_names = false;
};

// Resolves one endpoint. A device whose configuration gave no interfaces at all (a dialect not
// modelled) accepts any interface name as written, with a note saying so.
EndpointResult resolve_endpoint(const model::Snapshot& snap, const std::string& text,
                                const EndpointOptions& opts = {});

// Resolves DEVICE and INTERFACE given separately (names that may themselves contain ':').
EndpointResult resolve_interface_endpoint(const model::Snapshot& snap, const std::string& device,
                                          const std::string& interface, const EndpointOptions& opts = {});

// Device by name (and, when lenient, case-insensitively or by configured hostname).
const model::Device* find_device(const model::Snapshot& snap, const std::string& name, bool lenient);

}  // namespace gp::parsers::topo
