package keel.core.policy;

/** What happens to demand that finds no stock. */
public enum UnmetDemand {
    /** The customer goes elsewhere: the sale is lost, charged once per unit at the shortage cost. */
    LOST_SALES,
    /** The customer waits: the unit is owed, charged per unit per period at the shortage cost until filled. */
    BACKORDERS
}
