/**
 * The data contract (../shared/spec/data-contract.md) in code: which datasets exist, their columns and
 * value types (described once, as data, in {@code contract/datasets.yaml}), how a contract file is read
 * (CSV in UTF-8 or GB18030, XLSX, XLS) and written, and how each cell is parsed and checked.
 * <p>
 * Every other module reads and writes contract files through this one: the importer, the check engine and
 * the scenario generator. It is a shared kernel and depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package sunshine.contract;
