/**
 * The national portal's evaluation endpoints (docs/portal-captures.md): which group each scores, its
 * response form, the metric codes and tree parameters it carries, and how a capture's endpoint is
 * recognised (the envelope's request, the JSON shape, the file name).
 */

import { onlyOne } from '../collections.ts'
import type { GroupCode } from '../reference/groups.ts'
import { isObj } from './json.ts'

export const PORTAL_ENDPOINTS = [
  'transparency',
  'dossier-digitized',
  'handling-satisfaction',
  'dvc-progress-tree',
  'provide-online-tree',
  'formality-online-payment-tree',
  'service-results',
] as const
export type PortalEndpoint = (typeof PORTAL_ENDPOINTS)[number]

/** The group each endpoint scores (service-results carries all six). */
export const ENDPOINT_GROUP: Readonly<Record<PortalEndpoint, GroupCode | null>> = {
  transparency: 'CKMB',
  'dossier-digitized': 'MDSH',
  'handling-satisfaction': 'MDHL',
  'dvc-progress-tree': 'TDGQ',
  'provide-online-tree': 'CLGQ',
  'formality-online-payment-tree': 'TTTT',
  'service-results': null,
}

export type CaptureForm = 'A' | 'B' | 'summary'
export const ENDPOINT_FORM: Readonly<Record<PortalEndpoint, CaptureForm>> = {
  transparency: 'A',
  'dossier-digitized': 'A',
  'handling-satisfaction': 'A',
  'dvc-progress-tree': 'B',
  'provide-online-tree': 'B',
  'formality-online-payment-tree': 'B',
  'service-results': 'summary',
}

/** Metric codes the form-A endpoints return (docs/methodology.md §3); used to recognise a bare response. */
export const ENDPOINT_METRIC_CODES: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  transparency: ['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL', 'DOSSIER_SYNC'],
  'handling-satisfaction': [
    'PETITION_PROCESSING_ON_TIME',
    'PETITION_HANDLING_SATISFACTION',
    'DOSSIER_RECEIVING_SATISFACTION',
    'PETITION_CLASSIFICATION_TTHC',
    'PETITION_CLASSIFICATION_STAFF',
  ],
  'dossier-digitized': [
    'ORIGINAL_RESULT_AVAILABLE',
    'SO_HOA_GIAY_TO_GIAI_QUYET',
    'REUSED_DIGITIZED_DATA',
    'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    'CITIZEN_DATA_CONNECTED_DOSSIER',
    'CITIZEN_DATA_CONNECTED_FORMALITY',
    'ELECTRONIC_CERTIFIED_COPY',
  ],
}

/** Tree parameters of the form-B endpoints (docs/inputs.md §B); parents and children may carry them. */
export const ENDPOINT_PARAMETERS: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  'dvc-progress-tree': [
    'totalReceived',
    'totalOnTime',
    'totalCompleted',
    'totalOverdue',
    'avgProcessingDays',
  ],
  'provide-online-tree': [
    'authorityCount',
    'partialCount',
    'fullCount',
    'onlineDossierCount',
    'onlineServiceTotal',
    'channelOnlineSum',
    'channelDirectSum',
    'channelPostalSum',
    'channelTotalSum',
    'onlineOnTimeSum',
    'onlineOverdueSum',
  ],
  'formality-online-payment-tree': [
    'totalDossierOnlinePaymentSuccess',
    'totalDossierFinancialObligation',
    'totalDossierOnlineFormalityPaymentSuccess',
    'totalFeeDossierFormalityDistinct',
    'totalFeeDossierFormality',
    'totalFeeFormality',
  ],
}

export function isPortalEndpoint(s: string): s is PortalEndpoint {
  return PORTAL_ENDPOINTS.some((e) => e === s)
}

export function endpointFromString(s: string): PortalEndpoint | null {
  const [path = ''] = s.split(/[?#]/)
  const seg = (path.replace(/\/+$/, '').split('/').pop() ?? '').trim().toLowerCase()
  return isPortalEndpoint(seg) ? seg : null
}

export function endpointFromFileName(name: string): PortalEndpoint | null {
  const base = name.toLowerCase().replace(/_/g, '-')
  // Longest first so "provide-online-tree" is not mistaken for something shorter.
  const hit = [...PORTAL_ENDPOINTS].sort((a, b) => b.length - a.length).find((e) => base.includes(e))
  return hit ?? null
}

/** Recognises the endpoint from which keys and metric codes the response carries. */
export function endpointFromShape(data: Record<string, unknown>): PortalEndpoint | null {
  const evaluation = Array.isArray(data.evaluation) ? data.evaluation : null
  if (evaluation?.some((u) => isObj(u) && 'groupScores' in u)) return 'service-results'
  if (isObj(data.parent) || Array.isArray(data.children)) {
    const probe = [data.parent, ...(Array.isArray(data.children) ? data.children.slice(0, 3) : [])].filter(
      isObj,
    )
    const hits = (
      ['dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree'] as const
    ).filter((e) => probe.some((u) => (ENDPOINT_PARAMETERS[e] ?? []).some((k) => k in u)))
    return onlyOne(hits)
  }
  const units = [data.overview, ...(evaluation ?? []).slice(0, 3)].filter(isObj)
  const codes = new Set<string>()
  for (const u of units) {
    if (Array.isArray(u.metrics))
      for (const m of u.metrics) if (isObj(m) && typeof m.code === 'string') codes.add(m.code)
  }
  const hits = (['transparency', 'dossier-digitized', 'handling-satisfaction'] as const).filter((e) =>
    (ENDPOINT_METRIC_CODES[e] ?? []).some((c) => codes.has(c)),
  )
  return onlyOne(hits)
}
