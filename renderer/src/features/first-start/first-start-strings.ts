import { featureStrings } from '../../i18n/use-strings';

const ko = {
  title: '처음 시작',
  steps: { shop: '가게 정보', owner: '관리자', catalog: '상품', toss: '결제' },
  stepOf: (n: number, total: number, name: string) => `${total}단계 중 ${n}단계: ${name}`,
  shopIntro: '영수증에 찍히는 가게 정보입니다. 나중에 설정에서 바꿀 수 있습니다.',
  next: '다음',
  back: '이전',
  catalogIntro: '계산대에서 팔 상품을 어떻게 시작할까요?',
  emptyCatalog: '빈 메뉴로 시작',
  emptyCatalogHint: '상품이 없는 메뉴로 시작합니다. 첫 상품은 계산대 화면에서 바로 추가할 수 있습니다.',
  demoCatalog: '체험용 카페 메뉴로 시작',
  demoCatalogHint: '교육 모드에서만: 커피와 디저트 20가지로 연습합니다. 실제 결제 전에는 가게 상품으로 바꿔 주세요.',
  tossIntroTraining:
    '지금은 교육 모드입니다. 실제 돈은 오가지 않습니다. 토스페이먼츠 키를 저장하고 실제 결제로 바꾸거나, 교육 모드로 먼저 연습할 수 있습니다.',
  tossLive: '토스페이먼츠 키로 실제 결제를 받고 있습니다. 키는 설정에서 확인할 수 있습니다.',
  trainingForNow: '지금은 교육 모드로 시작',
  finish: '계산대 열기',
  firstProduct: '아직 상품이 없습니다. 첫 상품을 추가해 주세요.',
  addFirstProduct: '첫 상품 추가',
};
type FirstStartStrings = typeof ko;

const en: FirstStartStrings = {
  title: 'First start',
  steps: { shop: 'Shop details', owner: 'Manager', catalog: 'Products', toss: 'Payments' },
  stepOf: (n, total, name) => `Step ${n} of ${total}: ${name}`,
  shopIntro: 'The shop’s details as receipts print them. You can change them later in Settings.',
  next: 'Next',
  back: 'Back',
  catalogIntro: 'How should the products the register sells begin?',
  emptyCatalog: 'Start with an empty menu',
  emptyCatalogHint: 'A menu with no products yet. You can add the first product right from the register.',
  demoCatalog: 'Start from the demo café',
  demoCatalogHint:
    'Training mode only: practise with 20 coffees and desserts. Replace them with the shop’s own products before taking real payments.',
  tossIntroTraining:
    'The register is in training mode: no real money moves. Save the shop’s Toss Payments keys and switch to live payments, or practise in training first.',
  tossLive: 'The register takes real payments with the Toss Payments keys. You can see them in Settings.',
  trainingForNow: 'Training for now',
  finish: 'Open the register',
  firstProduct: 'There are no products yet. Add the first one.',
  addFirstProduct: 'Add the first product',
};

export const firstStartTexts = { ko, en };
export const useFirstStartStrings = featureStrings(firstStartTexts);
