#pragma once
// Stores a third-party file (ThirdPartyFormat) with the importer's rules: the whole file in one
// transaction with its import-log row, refused whole on bad input, a no-op when re-imported.
#include "ingest/Importer.h"

#include <optional>

namespace lhm {

// nullopt when the file is not a third-party layout (no --format and not recognised): the caller
// then treats it as a data.binance.vision file.
std::optional<FileImportResult> importThirdPartyFile(Store &store, const QString &path, const ImportOptions &options,
                                                     const std::function<void(qint64, qint64)> &progress,
                                                     const std::atomic_bool *cancel);

// Whether `path` is a layout the importer reads: a data.binance.vision name of a known type, a zip,
// a third-party header or file name, or any file when --format names the layout. A folder import
// skips the others with a note instead of refusing the run (README, "Importing").
bool isImportableFile(const QString &path, const ImportOptions &options);

}  // namespace lhm
