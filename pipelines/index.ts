import type { Pipeline } from '../src/pipeline/types.ts'
import { nationalRanking } from './national-ranking.ts'
import { portalCapture } from './portal-capture.ts'
import { provincialCatalogue } from './provincial-catalogue.ts'
import { provincialDigitisation } from './provincial-digitisation.ts'
import { provincialOnlineV1 } from './provincial-online-v1.ts'
import { provincialOnlineV2 } from './provincial-online-v2.ts'
import { provincialPayment } from './provincial-payment.ts'
import { provincialPaymentMoney } from './provincial-payment-money.ts'
import { provincialProgress } from './provincial-progress.ts'

/**
 * Every input family qd766 reads. Recognition tries them all on each sheet/document; adding a family
 * is adding its file here.
 */
export const PIPELINES: Pipeline[] = [
  nationalRanking,
  portalCapture,
  provincialDigitisation,
  provincialOnlineV2,
  provincialOnlineV1,
  provincialPayment,
  provincialPaymentMoney,
  provincialProgress,
  provincialCatalogue,
]
