#pragma once
// Program and file-format versions written into every output file.
namespace supplysim {
inline constexpr const char* program_version = "0.1.0";
// 2: /groups holds variable-length UTF-8 strings (crossed groups such as "country*tier*gender" outgrow
// version 1's fixed 32- and 64-byte fields). Readers accept both.
inline constexpr int output_format_version = 2;
}  // namespace supplysim
