#pragma once
// `lhm alerts <sub>`: the subcommands share the rule flags (add and edit) and the store opening.
#include "Cli.h"
#include "alerts/AlertRule.h"

#include <QCommandLineParser>

namespace lhm::cli::alertscli {

int add(Context &ctx);
int edit(Context &ctx);
int list(Context &ctx);
int remove(Context &ctx);
int history(Context &ctx);
int channel(Context &ctx);
int test(Context &ctx);
int watch(Context &ctx);

// The rule flags of `add` and `edit` (same names; for edit every one is optional).
void addRuleOptions(QCommandLineParser &p);
// Applies the flags that are set onto `rule`; errors name the field. Secrets given by
// --webhook-secret-env go to the SecretVault; `warnings` collects what the user should know.
Status applyRuleOptions(const QCommandLineParser &p, alerts::AlertRule &rule, bool isNew, QStringList *warnings);
// A positive (or, with allowZero, non-negative) number from flag `name`; the error names the field.
Status numberOption(const QCommandLineParser &p, const QString &name, double *out, bool allowZero = false);
QStringList splitList(const QStringList &values);
// Adds an option with a value name (or a flag when valueName is null).
void addOption(QCommandLineParser &p, const char *name, const char *help, const char *valueName = nullptr);

}  // namespace lhm::cli::alertscli
