import FieldworkCore

extension Localizer {
    /// A SenML unit (RFC 8428, section 12.1) as a researcher reads it beside a value or a metric:
    /// the registry's symbols are made for parsers ("%EL" is a battery's charge, "Cel" degrees
    /// Celsius), and "battery (%EL)" meant nothing on the solutions page. Symbols people read as
    /// they are (W, Wh, min, s, lx, %) and any unit not listed here are shown as given.
    func senmlUnit(_ unit: String) -> String {
        let t = self  // `t("…")`, as everywhere: the catalogue test finds the keys by it
        return switch unit {
        case "%EL": t("unit.percentCharge")
        case "%RH": t("unit.percentHumidity")
        case "Cel": "°C"
        case "count": t("unit.count")
        case "1/min": t("unit.perMinute")
        case "beat/min": t("unit.beatsPerMinute")
        case "beats": t("unit.beats")
        default: unit
        }
    }
}
