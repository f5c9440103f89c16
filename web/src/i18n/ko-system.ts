import type { enSystem } from './en-system';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 타임라인과 이력에 시스템이 남기는 문구 (en-system.ts와 같은 키). */
export const koSystem: Shape<typeof enSystem> = {
  caseSystem: {
    routed_area: '장소가 {{unit}}의 담당 구역 안에 있습니다',
    routed_locality: '주소의 {{locality}}은(는) {{unit}}의 관할 지역입니다',
    routed_own_cell: '구성원 본인의 요청은 소속 세포 {{unit}}(으)로 갑니다',
    triage_unmatched: '장소를 어느 조직과도 연결하지 못해 {{unit}}의 분류 대기열에서 기다립니다',
    escalated: '{{dueAt}}에 {{deadline}} 기한이 지나 민원이 {{unit}}(으)로 올라갔습니다',
    reminded: '간부 {{count}}명에게 {{deadline}} 기한을 알렸습니다',
    deadline: { acknowledge: '확인', resolve: '해결' },
    reminderEvent: '알림',
  },
  assignmentSystem: { reported_progress: '진행 상황 보고' },
  mailLanguage: {
    heading: '이메일', label: '받는 이메일의 언어', installation: '조직 기본 언어', saved: '저장했습니다.',
  },
};
