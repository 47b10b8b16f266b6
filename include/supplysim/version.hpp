#pragma once
// Program and file-format versions written into every output file.
namespace supplysim {
inline constexpr const char* program_version = "0.1.0";
inline constexpr int output_format_version = 1;
}  // namespace supplysim
