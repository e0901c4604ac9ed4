// The view registry: one line per view. Adding a view = its own folder ui/<view>/ with a class
// implementing PlotView (common/PlotView.h) plus one line in kViews below (and its #include).
// Tabs come in this order; docks go to the right of them.
#include "main/ViewRegistry.h"

#include "compare/ModelComparisonView.h"
#include "exchanges/ExchangesView.h"
#include "heatmap/HeatmapView.h"
#include "map/LiquidationMapView.h"

namespace lhm::ui {

namespace {

struct Entry {
    const char *id;
    PlotView *(*create)(QWidget *parent);
};
template <class V>
constexpr Entry view() {
    return {V::kId, [](QWidget *parent) -> PlotView * { return new V(parent); }};
}

// Registration.
constexpr Entry kViews[] = {
    view<HeatmapView>(),
    view<ModelComparisonView>(),
    view<ExchangesView>(),
    view<LiquidationMapView>(),
};

}  // namespace

QList<PlotView *> createViews(QWidget *parent) {
    QList<PlotView *> views;
    for (const Entry &e : kViews) views << e.create(parent);
    return views;
}

PlotView *createView(const QString &id, QWidget *parent) {
    for (const Entry &e : kViews)
        if (id == QLatin1String(e.id)) return e.create(parent);
    return nullptr;
}

QStringList viewIds() {
    QStringList ids;
    for (const Entry &e : kViews) ids << QString::fromLatin1(e.id);
    return ids;
}

}  // namespace lhm::ui
