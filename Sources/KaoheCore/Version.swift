/// The tool's version, printed by `kaohe --version` and on every workbook's cover.
public enum KaoheVersion {
    public static let current = "0.1.0"
}
