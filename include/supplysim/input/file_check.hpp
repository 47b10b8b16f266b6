#pragma once
// Checks on file names that come from input (extends:, base:, command-line paths). std::filesystem's
// throwing calls abort the program on names the system refuses (ENAMETOOLONG, a path through a
// file), which fuzzing found; these never throw, so the caller can report the name as bad input.
#include <string>

namespace supplysim {

// Empty when `path` names an existing file or folder; otherwise why not, as a phrase to follow the
// name: "not found", or "cannot be read (<the system's reason, e.g. File name too long>)".
std::string file_problem(const std::string& path);

// std::filesystem::weakly_canonical, or the lexically normal path when the system refuses the name.
std::string canonical_or_normal(const std::string& path);

}  // namespace supplysim
