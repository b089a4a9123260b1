import type { DocumentCollection, DocumentVersion, ReadDocument } from '@gongjian/read-store';
import { RenderedViews } from '../../../read-side/rendered-views';
import { serializeView } from '../../../read-side/serialized-page';
import { activistsDesignatedFor, toPairingView } from './pairing.view';

export type PairingView = ReturnType<typeof toPairingView> & {
  id?: unknown;
  ruralOrganizationId?: unknown;
};

interface RenderedPairing {
  view: PairingView;
  bytes: Buffer;
}

/**
 * Pairing views for lists. A view depends on the pairing's document, on its village's activists
 * document and on the day (months so far, expiry), so it is rendered again only when one of the
 * three moved: a page reads ids and positions, then the few documents that changed.
 */
export class PairingViews {
  private readonly views = new RenderedViews<RenderedPairing>();

  async render(...args: Parameters<PairingViews['rendered']>): Promise<PairingView[]> {
    return (await this.rendered(...args)).map((r) => r.view);
  }

  /** The same views as sent: serialized once per version, not per request. */
  async serialized(...args: Parameters<PairingViews['rendered']>): Promise<Buffer[]> {
    return (await this.rendered(...args)).map((r) => r.bytes);
  }

  private async rendered(
    versions: readonly DocumentVersion[],
    pairings: DocumentCollection,
    activists: DocumentCollection,
    today: string,
  ): Promise<RenderedPairing[]> {
    const cached = versions.map((v) => this.views.entry(pairings.name, v._id));
    const changed = versions.filter((v, i) => !cached[i]?.version.startsWith(`${v._pos}|`));
    const documents = new Map<string, ReadDocument>(
      (await pairings.findByIds(changed.map((v) => v._id))).map((d) => [d._id, d]),
    );
    const ruralOf = (v: DocumentVersion, i: number) =>
      (documents.get(v._id)?.ruralOrganizationId ?? cached[i]?.view.view.ruralOrganizationId) as
        string | undefined;
    const ruralIds = [...new Set(versions.map(ruralOf).filter((id) => id !== undefined))];
    const activistPositions = new Map(
      (await activists.findVersions({ _id: { $in: ruralIds } })).map((v) => [v._id, v._pos]),
    );
    const versionOf = (v: DocumentVersion, i: number) =>
      `${documents.get(v._id)?._pos ?? v._pos}|${activistPositions.get(ruralOf(v, i) ?? '') ?? ''}|${today}`;
    const stale = versions.filter(
      (v, i) => this.views.get(pairings.name, v._id, versionOf(v, i)) === undefined,
    );
    const missing = stale.filter((v) => !documents.has(v._id)).map((v) => v._id);
    for (const document of await pairings.findByIds(missing)) documents.set(document._id, document);
    const villages = new Map(
      (
        await activists.findByIds([
          ...new Set(stale.map((v) => documents.get(v._id)?.ruralOrganizationId as string)),
        ])
      ).map((d) => [d._id, d]),
    );
    const views: RenderedPairing[] = [];
    versions.forEach((v, i) => {
      const version = versionOf(v, i);
      let rendered = this.views.get(pairings.name, v._id, version);
      if (rendered === undefined) {
        const document = documents.get(v._id);
        if (document === undefined) return; // gone between the two reads
        const rural = villages.get(document.ruralOrganizationId as string);
        const view = toPairingView(document, activistsDesignatedFor(document._id, rural), today);
        rendered = { view, bytes: serializeView(view) };
        this.views.set(pairings.name, v._id, version, rendered);
      }
      views.push(rendered);
    });
    return views;
  }
}
