#pragma once
// How the comparison view words a model's measured skill (`lhm validate`): the figure with its
// naive baseline beside it and the period it was measured on, or "—" when no validation has run
// for the series or the run gave no figure. Never a figure alone.
#include "store/ValidationRepository.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace lhm::ui {

class MeasuredFigure {
    Q_DECLARE_TR_FUNCTIONS(lhm::ui::MeasuredFigure)
public:
    static QString text(const std::optional<ValidationRow> &row);     // one or two short lines for the table
    static QString toolTip(const std::optional<ValidationRow> &row);  // method, n, interval, when measured
};

}  // namespace lhm::ui
