#include "supplysim/input/file_check.hpp"

#include <filesystem>
#include <system_error>

namespace supplysim {

std::string file_problem(const std::string& path) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (exists) return "";
    if (!ec || ec == std::errc::no_such_file_or_directory) return "not found";
    return "cannot be read (" + ec.message() + ")";
}

std::string canonical_or_normal(const std::string& path) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(path, ec);
    return ec ? std::filesystem::path(path).lexically_normal().string() : canonical.string();
}

}  // namespace supplysim
