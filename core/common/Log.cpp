#include "common/Log.h"

Q_LOGGING_CATEGORY(lcStore, "lhm.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIngest, "lhm.ingest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDownload, "lhm.download", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "lhm.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFeed, "lhm.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "lhm.engine", QtInfoMsg)
