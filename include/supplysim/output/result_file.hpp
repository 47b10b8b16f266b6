#pragma once
// The HDF5 output file (schema in docs/output-schema.md). Written under "<name>.partial" and renamed to
// its final name only by finish(), after the `complete` attribute is set, so a file under the final
// name is always whole.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/assessment.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/output/atomic_file.hpp"

namespace supplysim {

struct OutputHeader {
    std::string scenario_name;
    std::string scenario_file;
    std::string scenario_yaml;
    std::uint64_t seed = 0;
    int replicates = 1;
    int runs = 1;
    YearMonth start;
    int months = 0;
    std::string command_line;
    std::vector<Group> groups;
    // Named assessment dates: the root attribute `assessments`, and the table /assessments holding every
    // indicator at those months only, for quick reading.
    std::vector<Assessment> assessments;
    int compression = 1;  // deflate level of /indicators (0: none); shuffle goes with any level above 0
};

// A parameter ensemble as written to /uncertainty (docs/output-schema.md): replicate r used draw
// r / replicates_per_draw, whose values of the named parameters are values[draw][parameter].
struct EnsembleRecord {
    std::string yaml;                        // the resolved `uncertainty:` block (root attribute `uncertainty`)
    int replicates_per_draw = 1;
    std::vector<std::string> names;          // scenario key paths
    std::vector<std::string> sources;        // "posterior: FILE" or "range"
    std::vector<std::vector<double>> values; // [draws][parameters]
};

// The header of a result file of `runs` runs of the scenario, `replicates` each.
OutputHeader make_header(const Scenario& scenario, const GroupLayout& layout, int replicates, int runs,
                         const std::string& command_line);

class ResultFile {
public:
    // Creates "<final_path>.partial" with the header, /time, /groups, /runs and empty indicator datasets.
    static ResultFile create(const std::string& final_path, const OutputHeader& header);
    // The same in a .partial reserved beforehand (a command reserves its output before simulating).
    static ResultFile create(AtomicFile target, const OutputHeader& header);

    ResultFile(ResultFile&&) noexcept;
    ResultFile& operator=(ResultFile&&) = delete;
    ~ResultFile();

    void write_replicate(int run, int replicate, const Series& series);
    void mark_run_done(int run);
    std::vector<std::uint8_t> runs_done() const;
    // Sets an attribute on the root group (e.g. sweep design details).
    void set_root_attribute(const std::string& name, const std::string& value);
    void write_run_parameter(const std::string& key_path, const std::vector<double>& values);
    // The root attribute `uncertainty` and the group /uncertainty of a parameter ensemble.
    void write_ensemble(const EnsembleRecord& ensemble, int replicates);
    void flush();
    // Marks the file complete, closes it and renames it to the final path (AtomicFile::commit).
    void finish();
    // The same in two steps: marks the file complete and closes it; the caller commits the returned
    // file (flush to disk and rename) without holding up other HDF5 work.
    AtomicFile close_complete();
    // Closes and deletes the partial file (a failed `run` leaves nothing behind).
    void discard();
    // Closes the file and leaves it as "<final_path>.partial", marked incomplete (an interrupted sweep).
    void keep_incomplete();

    const std::string& final_path() const { return final_path_; }
    std::string partial_path() const { return final_path_ + ".partial"; }

private:
    ResultFile(AtomicFile target, std::int64_t file_id);
    void close();
    void write_assessment_rows(int run, int replicate, const Series& series);

    std::string final_path_;
    AtomicFile target_;
    std::int64_t file_ = -1;
    std::vector<int> assessment_months_;  // month indices into /time of the assessment dates
};

// What `supplysim info` shows; throws std::runtime_error naming the file if it is not a complete
// supplysim file.
struct FileSummary {
    std::string program_version, scenario_name, scenario_file, command_line, created, start, scenario_yaml;
    std::uint64_t seed = 0;
    int format_version = 0, runs = 0, replicates = 0, months = 0;
    bool complete = false;
    std::vector<Group> groups;
    std::vector<std::string> indicators;
    std::vector<Assessment> assessments;
    EnsembleRecord ensemble;  // empty names when the file is not a parameter ensemble
};
FileSummary read_file_summary(const std::string& path, bool allow_incomplete = false);

// Why a file of another `format_version` is refused (one phrase, after the file name).
// `oldest_readable`: the oldest version the reader in question accepts (up to output_format_version).
std::string unknown_format_version(int version, int oldest_readable);

}  // namespace supplysim
