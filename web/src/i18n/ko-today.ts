import type { enToday } from './en-today';

/** 오늘 화면과 휴대폰 메뉴의 한국어 문구 (이슈 14). */
export const koToday: typeof enToday = {
  today: {
    title: '오늘', nothing: '지금 처리할 일이 없습니다.', more: '{{total}}건 중 가장 급한 {{shown}}건을 보여 줍니다.',
    neverMet: '한 번도 모이지 않음', below: '{{unit}} 아래 세포', yourWork: '처리할 일',
    kind: {
      case_acknowledge: '사건 접수 확인', case_overdue: '기한이 지난 사건', case_due_soon: '기한이 다가오는 사건',
      assignment_acknowledge: '지시 접수 확인', assignment_due: '기한이 다가오는 지시', gathering_upcoming: '다가오는 모임',
      attendance_unrecorded: '출석 기록하기', question_unanswered: '질문에 답하기', own_request: '내 요청',
      cells_not_met: '모이지 않은 세포', cells_overdue_cases: '기한이 지난 사건이 있는 세포', cells_unacknowledged: '지시를 확인하지 않은 세포',
    },
    cells: {
      cells_not_met_one: '주기 안에 모이지 않았거나 한 번도 모이지 않은 세포 {{count}}곳', cells_not_met_other: '주기 안에 모이지 않았거나 한 번도 모이지 않은 세포 {{count}}곳',
      cells_overdue_cases_one: '기한이 지난 사건이 있는 세포 {{count}}곳', cells_overdue_cases_other: '기한이 지난 사건이 있는 세포 {{count}}곳',
      cells_unacknowledged_one: '지시를 확인하지 않은 세포 {{count}}곳', cells_unacknowledged_other: '지시를 확인하지 않은 세포 {{count}}곳',
    },
    overdueSince: '기한 {{when}} 지남', dueIn: '기한 {{when}}', startsAt: '{{when}} 시작', heldAt: '{{when}}에 열림',
    urgency: { urgent: '긴급', life_threatening: '생명 위협' },
    rsvp: { yes: '참석한다고 답함', no: '불참한다고 답함', maybe: '미정이라고 답함', none: '아직 답하지 않음' },
  },
  bottomNav: { label: '내 업무', today: '오늘', cases: '사건', directives: '지시', meetings: '모임', members: '구성원', more: '더 보기' },
};
