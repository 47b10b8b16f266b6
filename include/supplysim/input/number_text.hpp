#pragma once
// Numbers as scenario text: strict parsing (the whole text, finite) and the shortest text that reads
// back to the same double. Shared by the scenario, sweep and calibration readers and writers.
#include <optional>
#include <string>

namespace supplysim {

std::optional<double> parse_number(const std::string& text);
std::string number_text(double x);

}  // namespace supplysim
