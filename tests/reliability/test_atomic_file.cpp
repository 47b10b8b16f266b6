// The one atomic writer (include/supplysim/output/atomic_file.hpp): a file appears under its name only
// when whole, a second writer is refused naming the first, a left-over .partial is never deleted by
// another writer, and an existing file is replaced only when asked.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "supplysim/output/atomic_file.hpp"

namespace fs = std::filesystem;
using supplysim::AtomicFile;
using supplysim::OutputError;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("supplysim-atomic-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    static inline int counter = 0;
};

std::string text_of(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The message and kind of the OutputError `f` throws.
template <class F>
std::pair<OutputError::Kind, std::string> error_of(F f) {
    try {
        f();
    } catch (const OutputError& e) {
        return {e.kind(), e.what()};
    }
    FAIL("no OutputError thrown");
    return {};
}

}  // namespace

TEST_CASE("a file appears under its name only when committed, and an abandoned one leaves nothing", "[atomic]") {
    TempDir dir;
    const auto out = dir.file("scenario.yaml");
    {
        AtomicFile f = AtomicFile::reserve(out);
        CHECK(fs::exists(out + ".partial"));
        f.write("name: calibrated\n");
        CHECK_FALSE(fs::exists(out));
        f.commit();
    }
    CHECK(text_of(out) == "name: calibrated\n");
    CHECK_FALSE(fs::exists(out + ".partial"));
    {
        AtomicFile f = AtomicFile::reserve(dir.file("dropped.yaml"));
        f.write("half");
    }  // neither committed nor kept: removed
    CHECK_FALSE(fs::exists(dir.file("dropped.yaml.partial")));
    CHECK_FALSE(fs::exists(dir.file("dropped.yaml")));
}

TEST_CASE("an existing file is never replaced unless asked, and stays intact until the new one is whole", "[atomic]") {
    TempDir dir;
    const auto out = dir.file("result.csv");
    std::ofstream(out) << "old\n";
    AtomicFile keep_old = AtomicFile::reserve(out);
    keep_old.write("new\n");
    const auto [kind, message] = error_of([&] { keep_old.commit(); });
    CHECK(kind == OutputError::Kind::failed);
    CHECK(message == out + " was created by another program while supplysim was writing; the new result is kept, complete, as " + out +
                         ".partial");
    CHECK(text_of(out) == "old\n");
    CHECK(text_of(out + ".partial") == "new\n");
    fs::remove(out + ".partial");

    AtomicFile replace = AtomicFile::reserve(out, {.replace = true});
    replace.write("new\n");
    CHECK(text_of(out) == "old\n");  // untouched until the commit
    replace.commit();
    CHECK(text_of(out) == "new\n");
}

TEST_CASE("a second writer of the same output is refused naming the process that writes it", "[atomic]") {
    TempDir dir;
    const auto out = dir.file("x.h5");
    AtomicFile first = AtomicFile::reserve(out);
    // Open-file-description locks conflict within one process too, so this process stands for another.
    const auto [kind, message] = error_of([&] { AtomicFile::reserve(out); });
    CHECK(kind == OutputError::Kind::busy);
    CHECK(message == "another supplysim (pid " + std::to_string(::getpid()) + ") is writing " + out);
    CHECK(supplysim::writer_of(out) == long(::getpid()));
    // The refused writer did not touch the first one's file.
    CHECK(fs::exists(out + ".partial"));
    first.write("whole");
    first.commit();
    CHECK(text_of(out) == "whole");
    CHECK_FALSE(supplysim::writer_of(out).has_value());
}

TEST_CASE("a .partial no process holds is left over: refused, never deleted, or taken over when asked", "[atomic]") {
    TempDir dir;
    const auto out = dir.file("sweep.h5");
    std::ofstream(out + ".partial") << "runs of an interrupted sweep";
    CHECK_FALSE(supplysim::writer_of(out).has_value());
    const auto [kind, message] = error_of([&] { AtomicFile::reserve(out); });
    CHECK(kind == OutputError::Kind::bad_destination);
    CHECK(message == out + ".partial is left over from a supplysim that stopped before finishing (no process is writing it); "
                           "finish it with `sweep --resume` if it belongs to a sweep, otherwise delete it");
    CHECK(text_of(out + ".partial") == "runs of an interrupted sweep");
    {
        AtomicFile adopted = AtomicFile::reserve(out, {.adopt_leftover = true});
        CHECK(adopted.adopted());
        CHECK(adopted.size() == 28);
        CHECK(supplysim::writer_of(out) == long(::getpid()));
    }  // abandoned before its content was replaced: the content stays
    CHECK(text_of(out + ".partial") == "runs of an interrupted sweep");
    {
        AtomicFile adopted = AtomicFile::reserve(out, {.adopt_leftover = true});
        adopted.move_content_to(dir.file("aside.h5"));
        CHECK(text_of(dir.file("aside.h5")) == "runs of an interrupted sweep");
        CHECK(fs::exists(out + ".partial"));
        CHECK(adopted.size() == 0);
        CHECK_FALSE(adopted.adopted());
    }
    CHECK_FALSE(fs::exists(out + ".partial"));  // the fresh reservation was this process's own
}

TEST_CASE("an output whose folder is missing, or whose .partial is not a file, is bad input", "[atomic]") {
    TempDir dir;
    const auto missing = dir.file("no_such_folder/out.h5");
    auto [kind, message] = error_of([&] { AtomicFile::reserve(missing); });
    CHECK(kind == OutputError::Kind::bad_destination);
    CHECK(message == "cannot write " + missing + ": the folder " + dir.file("no_such_folder") + " does not exist");
    const auto out = dir.file("out.h5");
    fs::create_directory(out + ".partial");
    std::tie(kind, message) = error_of([&] { AtomicFile::reserve(out, {.adopt_leftover = true}); });
    CHECK(kind == OutputError::Kind::bad_destination);
    CHECK(message == "cannot write " + out + ": " + out + ".partial exists and is not a regular file");
    fs::create_symlink(dir.file("elsewhere"), dir.file("link.h5.partial"));
    std::tie(kind, message) = error_of([&] { AtomicFile::reserve(dir.file("link.h5"), {.adopt_leftover = true}); });
    CHECK(message == "cannot write " + dir.file("link.h5") + ": " + dir.file("link.h5.partial") + " exists and is not a regular file");
    CHECK_FALSE(fs::exists(dir.file("elsewhere")));
}

TEST_CASE("a .partial replaced by another program is detected at the commit", "[atomic]") {
    TempDir dir;
    const auto out = dir.file("out.yaml");
    AtomicFile f = AtomicFile::reserve(out);
    f.write("mine");
    fs::remove(out + ".partial");
    std::ofstream(out + ".partial") << "someone else's";
    const auto [kind, message] = error_of([&] { f.commit(); });
    CHECK(kind == OutputError::Kind::failed);
    CHECK(message == out + ".partial was removed or replaced by another program while supplysim was writing it; " + out +
                         " was not written");
    CHECK_FALSE(fs::exists(out));
    CHECK(text_of(out + ".partial") == "someone else's");
}
