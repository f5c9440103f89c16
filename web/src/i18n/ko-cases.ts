import type { enCases } from './en-cases';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 14번 이슈에서 민원 처리에 더한 한국어 문구: en-cases.ts와 같은 키를 가집니다(타입으로 검사). */
export const koCases: Shape<typeof enCases> = {
  queue: {
    showFilters: '필터', showFiltersActive_one: '필터 ({{count}}개 적용)', showFiltersActive_other: '필터 ({{count}}개 적용)',
    hideFilters: '필터 숨기기', sort: '정렬', sortDue: '급한 순', sortNewest: '최신 순',
    dueIn: '기한 {{when}}', dueAgo: '기한 지남 ({{when}})', noDue: '진행 중인 기한 없음', noneOwn: '이 조직이 맡은 민원이 없습니다.',
    seeBelow: '이 조직과 모든 하위 조직의 민원 보기',
  },
  dashboardUnits: {
    heading: '하위 조직별', unit: '조직', none: '하위 조직이 없습니다.',
    openOf: '{{unit}}의 처리 중인 민원', overdueOf: '{{unit}}의 기한 지난 민원', escalatedOf: '{{unit}}의 상급 이관 민원',
  },
  resolve: {
    open: '해결로 표시…', title: '민원 {{reference}}을(를) 해결로 표시할까요?', explain: '주민에게 이메일과 추적 페이지로 알리고, 확인하거나 다시 열도록 요청합니다.',
    note: '주민에게 남길 말: 무엇을 했는지', confirm: '해결로 표시하고 주민에게 알리기',
  },
  reportDone: {
    chooseCategory: '무엇에 관한 민원인지 고르세요',
    address: '추적 주소', copy: '링크 복사', copied: '복사했습니다.', share: '공유…', copyFailed: '복사하지 못했습니다. 주소를 선택해 복사해 주세요.',
    emailed: '이 링크를 {{email}}(으)로도 보냈습니다.', noEmail: '이메일 주소가 없으면 이 링크를 다시 보내 드릴 수 없습니다. 지금 적어 두거나 복사해 두세요.',
    shareTitle: '내 민원 {{reference}}', lost: '나중에 링크를 잃어버렸나요? 다시 보내 드립니다.',
  },
  recover: {
    title: '추적 링크를 잃어버렸나요?', explain: '민원 번호와 민원을 낼 때 적은 이메일 주소나 전화번호를 입력하세요. 둘이 맞으면 그곳으로 새 링크를 보내고, 이전 링크는 더 이상 쓸 수 없습니다.',
    reference: '민원 번호', referenceHint: '예: C-ABCD-EFGH', contact: '이메일 주소 또는 전화번호', submit: '링크 보내기',
    sent: '민원 번호와 연락처가 맞으면 그 연락처로 새 링크를 보냈습니다. 링크는 이 페이지에 표시하지 않습니다.',
    noSms: '지금은 이메일로만 보낼 수 있습니다. 문자 메시지는 아직 보내지 않습니다.', report: '새 민원 내기',
  },
  signInLinks: { report: '회원이 아니신가요? 계정 없이 민원 내기', recover: '민원 추적 링크를 잃어버렸나요?' },
};
