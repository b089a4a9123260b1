/** The checkpoint signer (NoteSigner), the leaf index and the anchor service of this process. */
export const AUDIT_SIGNER = Symbol.for('gongjian.AuditSigner');
export const AUDIT_LEAF_INDEX = Symbol.for('gongjian.AuditLeafIndex');
export const AUDIT_ANCHORS = Symbol.for('gongjian.AuditAnchorService');
